package dev.consilium.runtime.session;

import akka.actor.typed.ActorRef;
import dev.consilium.ledger.identity.Did;
import dev.consilium.runtime.discovery.Directory;
import dev.consilium.runtime.ledger.LedgerSubmitter;
import dev.consilium.runtime.ledger.MembershipView;

/**
 * This node as the session framework sees it: its DID, the membership that admits senders, the directory
 * that finds the other members' actors and reports the lost ones, and the way to put outcomes on the ledger.
 */
public record LocalMember(Did did, MembershipView membership, ActorRef<Directory.Command> directory,
    LedgerSubmitter ledger) {}
