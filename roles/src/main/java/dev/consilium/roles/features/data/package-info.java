/**
 * A party's own rows for shared feature learning (DESIGN §6): the feature table it reads from its CSV file,
 * with ids to align on and, at the task owner, the labels. Nothing here leaves the party; error messages name
 * the file, line and column but never echo a value or an id, since both are the party's private data.
 */
package dev.consilium.roles.features.data;
