package dev.streamscout.bench.e2e;

import java.nio.charset.StandardCharsets;

/**
 * Fields of a workload JSON line found without a JSON parse: the feeders use them to key or pace a
 * line, and that must not cost the engine under test a parse of its own.
 */
final class ChatLines {

    private static final byte[] CHANNEL_KEY = "\"channel_id\":\"".getBytes(StandardCharsets.US_ASCII);

    private ChatLines() {}

    /** The {@code channel_id} value (the workload writes ids without escapes), or null if absent. */
    static String channelId(byte[] line) {
        int at = indexOf(line, CHANNEL_KEY);
        if (at < 0) {
            return null;
        }
        int from = at + CHANNEL_KEY.length;
        int to = from;
        while (to < line.length && line[to] != '"') {
            to++;
        }
        return new String(line, from, to - from, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] line, byte[] key) {
        outer:
        for (int i = 0; i + key.length <= line.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (line[i + k] != key[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
