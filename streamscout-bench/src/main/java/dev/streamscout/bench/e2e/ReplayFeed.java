package dev.streamscout.bench.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The one input every engine reads: the workload's JSON lines, read sequentially from the file by a
 * single reader in the engine's own JVM, each engine parsing them into its own record type.
 *
 * <p>Messages before {@code liveFromMs} (event time) are handed out as fast as the engine takes them
 * (the detectors' warm-up, fast-forwarded); from there on each message is held until its event time
 * comes round on the wall clock, so the engine sees chat at its real rate and latency can be timed.
 *
 * <p>One feed per JVM ({@link #install}); engines with a single source task call {@link #next} from
 * that task only.
 */
public final class ReplayFeed {

    private static volatile ReplayFeed installed;

    private final InputStream in;
    private final long liveFromMs;
    /** File bytes read ahead; lines are cut from it without per-byte calls. */
    private final byte[] chunk = new byte[1 << 20];
    private int chunkPos;
    private int chunkEnd;
    private long count;
    private final java.util.concurrent.atomic.AtomicLong elsewhere = new java.util.concurrent.atomic.AtomicLong();
    private volatile long firstCpuNs = -1;
    private volatile long firstWallMs = -1;
    private volatile long lastWallMs = -1;
    private volatile long liveStartWallMs = -1;
    private volatile long liveStartEventMs = -1;

    private ReplayFeed(Path chat, long liveFromMs) throws IOException {
        this.in = Files.newInputStream(chat);
        this.liveFromMs = liveFromMs;
    }

    /** Opens the JVM's feed; {@code liveFromMs = Long.MAX_VALUE} replays everything unpaced. */
    public static ReplayFeed install(Path chat, long liveFromMs) throws IOException {
        installed = new ReplayFeed(chat, liveFromMs);
        return installed;
    }

    /** A feed of this JVM's own, not the installed one (the harness preloading a topic). */
    static ReplayFeed open(Path chat, long liveFromMs) throws IOException {
        return new ReplayFeed(chat, liveFromMs);
    }

    public static ReplayFeed get() {
        ReplayFeed feed = installed;
        if (feed == null) {
            throw new IllegalStateException("no replay feed installed in this JVM");
        }
        return feed;
    }

    /** The next JSON line (without its newline), or null at the end of the file. */
    public synchronized byte[] next() {
        try {
            byte[] line = readLine();
            if (line == null) {
                return null;
            }
            if (count++ == 0) {
                firstCpuNs = CpuClock.processCpuNanos();
                firstWallMs = System.currentTimeMillis();
            }
            if (liveFromMs != Long.MAX_VALUE) {
                pace(timestampOf(line, line.length));
            }
            lastWallMs = System.currentTimeMillis();
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] readLine() throws IOException {
        while (true) {
            for (int i = chunkPos; i < chunkEnd; i++) {
                if (chunk[i] == '\n') {
                    byte[] line = Arrays.copyOfRange(chunk, chunkPos, i);
                    chunkPos = i + 1;
                    return line;
                }
            }
            // No full line left: move the partial one to the front and read more.
            int rest = chunkEnd - chunkPos;
            System.arraycopy(chunk, chunkPos, chunk, 0, rest);
            chunkPos = 0;
            chunkEnd = rest;
            int read = in.read(chunk, rest, chunk.length - rest);
            if (read <= 0) {
                if (chunkEnd == 0) {
                    return null;
                }
                byte[] line = Arrays.copyOfRange(chunk, 0, chunkEnd); // a last line without a newline
                chunkEnd = 0;
                return line;
            }
            chunkEnd += read;
        }
    }

    private void pace(long eventMs) {
        if (eventMs < liveFromMs) {
            return;
        }
        long now = System.currentTimeMillis();
        if (liveStartWallMs < 0) {
            liveStartWallMs = now;
            liveStartEventMs = eventMs;
            return;
        }
        long due = liveStartWallMs + (eventMs - liveStartEventMs);
        if (due > now) {
            try {
                Thread.sleep(due - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final byte[] KEY = "\"timestamp\":".getBytes();

    /** The {@code timestamp} field, found without a JSON parse (pacing must not cost the engine a parse). */
    public static long timestampOf(byte[] line, int length) {
        outer:
        for (int i = 0; i + KEY.length < length; i++) {
            for (int k = 0; k < KEY.length; k++) {
                if (line[i + k] != KEY[k]) {
                    continue outer;
                }
            }
            long value = 0;
            for (int j = i + KEY.length; j < length && line[j] >= '0' && line[j] <= '9'; j++) {
                value = value * 10 + (line[j] - '0');
            }
            return value;
        }
        return Long.MIN_VALUE;
    }

    /**
     * Counts a message that reached the engine another way than {@link #next} (an engine consuming a
     * topic the harness preloaded): the first one starts the measured span, as {@link #next} does.
     */
    public void arrivedElsewhere() {
        if (elsewhere.getAndIncrement() == 0) {
            firstCpuNs = CpuClock.processCpuNanos();
            firstWallMs = System.currentTimeMillis();
        }
    }

    public long count() {
        return count + elsewhere.get();
    }

    public long firstCpuNs() {
        return firstCpuNs;
    }

    public long firstWallMs() {
        return firstWallMs;
    }

    public long lastWallMs() {
        return lastWallMs;
    }

    /** Wall time at which the paced part began (-1 if the run was not paced). */
    public long liveStartWallMs() {
        return liveStartWallMs;
    }

    public long liveStartEventMs() {
        return liveStartEventMs;
    }
}
