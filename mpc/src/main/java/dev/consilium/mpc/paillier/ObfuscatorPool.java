package dev.consilium.mpc.paillier;

import java.math.BigInteger;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded pool of obfuscators precomputed by a background thread, so that an encryption on the
 * latency-critical path costs one multiplication mod n². When the pool runs dry, {@link #next()} computes
 * one inline rather than wait: the pool lowers latency, it never blocks a caller.
 */
public final class ObfuscatorPool implements ObfuscatorSource, AutoCloseable {
  private final ObfuscatorSource source;
  private final BlockingQueue<BigInteger> ready;
  private final Thread filler;
  private final AtomicLong misses = new AtomicLong();
  private volatile boolean closed;

  private ObfuscatorPool(ObfuscatorSource source, int capacity) {
    this.source = source;
    this.ready = new ArrayBlockingQueue<>(capacity);
    this.filler = new Thread(this::fill, "paillier-obfuscators-" + source.publicKey().fingerprintHex());
    this.filler.setDaemon(true);
    this.filler.setPriority(Thread.MIN_PRIORITY);
  }

  /** Starts a pool holding at most {@code capacity} obfuscators from {@code source}. */
  public static ObfuscatorPool start(ObfuscatorSource source, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("obfuscator pool capacity must be at least 1, was " + capacity);
    }
    ObfuscatorPool pool = new ObfuscatorPool(source, capacity);
    pool.filler.start();
    return pool;
  }

  @Override
  public PaillierPublicKey publicKey() {
    return source.publicKey();
  }

  @Override
  public BigInteger next() {
    BigInteger r = ready.poll();
    if (r != null) {
      return r;
    }
    misses.incrementAndGet();
    return source.next();
  }

  /** Obfuscators ready now. */
  public int available() {
    return ready.size();
  }

  /** How many times a caller found the pool empty and computed inline. */
  public long misses() {
    return misses.get();
  }

  @Override
  public void close() {
    closed = true;
    filler.interrupt();
    ready.clear();
  }

  private void fill() {
    try {
      while (!closed) {
        ready.put(source.next());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "ObfuscatorPool[" + source.publicKey().fingerprintHex() + ", " + ready.size() + " ready]";
  }
}
