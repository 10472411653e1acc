package dev.consilium.roles.node;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Props;
import com.typesafe.config.Config;
import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.roles.credit.CreditDesk;
import dev.consilium.roles.credit.DeskSettings;
import dev.consilium.roles.credit.InquiryWork;
import dev.consilium.roles.customer.PseudonymKey;
import dev.consilium.roles.institution.LoanBook;
import dev.consilium.roles.institution.PaillierKeyRing;
import dev.consilium.runtime.node.ConsortiumNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ForkJoinPool;

/**
 * An institution's roles on its started {@link ConsortiumNode}: its loan book (in its data directory), its
 * Paillier key ring and its credit desk. Settings are checked before anything starts.
 */
public final class InstitutionNode implements AutoCloseable {
  public static final String DESK_NAME = "credit-desk";

  private final LoanBook book;
  private final ActorRef<CreditDesk.Command> desk;

  private InstitutionNode(LoanBook book, ActorRef<CreditDesk.Command> desk) {
    this.book = book;
    this.desk = desk;
  }

  /**
   * Starts the institution's roles on {@code node}, with its X25519 {@code agreementKey} (for the pairwise
   * masks) and the consortium's {@code pseudonyms} key; the loan book lives in {@code dataDir}.
   */
  public static InstitutionNode start(ConsortiumNode node, X25519PrivateKey agreementKey, PseudonymKey pseudonyms,
      Path dataDir) {
    Config config = node.config();
    DeskSettings settings = DeskSettings.fromConfig(config);
    SecureRandom random = new SecureRandom();
    Clock clock = Clock.systemUTC();
    LoanBook book = LoanBook.open(dataDir, pseudonyms);
    try {
      PaillierKeyRing keys = PaillierKeyRing.start(settings.paillier(), settings.rotateEveryMs(), settings.retainMs(),
          random, clock, ForkJoinPool.commonPool());
      InquiryWork work = new InquiryWork(node.identity().did(), agreementKey, pseudonyms, book, keys, settings, clock,
          random);
      ActorRef<CreditDesk.Command> desk = node.system().systemActorOf(CreditDesk.create(node.identity().did(),
          settings, work, node.follower(), node.ledger().submitter(), node.ledger().endpoint(), clock), DESK_NAME,
          Props.empty());
      return new InstitutionNode(book, desk);
    } catch (RuntimeException e) {
      book.close();
      throw e;
    }
  }

  public ActorRef<CreditDesk.Command> desk() {
    return desk;
  }

  public LoanBook book() {
    return book;
  }

  /** Closes the loan book; stop the node first, so the desk no longer reads it. */
  @Override
  public void close() {
    book.close();
  }
}
