/**
 * How a feature-learning task's parties align their rows before training (DESIGN §5, §6): a private set
 * intersection led by the task owner among itself and the task's holders, all of them designated, so each
 * learns the common ids (in one canonical order, which becomes the order of the aligned rows) and the other
 * parties' set sizes, and nothing about the ids outside the intersection. Compute nodes take no part.
 */
package dev.consilium.roles.features.alignment;
