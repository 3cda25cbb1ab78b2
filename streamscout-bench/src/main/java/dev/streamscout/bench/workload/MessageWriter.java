package dev.streamscout.bench.workload;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Writes one ChatMessage as a JSON line of 150-300 bytes (the {@code chat-messages} schema: the same
 * fields the ingest service produces). Text is ASCII from a small chat vocabulary, so no escaping is
 * needed; during a spike lines get shorter, louder and carry more emotes, as hype does.
 */
final class MessageWriter {

    private static final String[] WORDS = {"lol", "nice", "what", "is", "that", "gg", "no", "way", "he", "did",
        "it", "again", "chat", "clip", "this", "bro", "insane", "play", "wait", "how", "true", "LETS", "GO",
        "for", "real", "the", "boss", "run", "pog", "hello", "from", "germany", "first", "time", "here"};
    private static final String[] EMOTES = {"Kappa", "PogChamp", "LUL", "KEKW", "OMEGALUL", "monkaS", "Pog",
        "catJAM", "Kreygasm", "BibleThump"};
    private static final int MIN_BYTES = 150;
    private static final int MAX_BYTES = 300;

    private final StringBuilder json = new StringBuilder(MAX_BYTES + 64);
    private final StringBuilder text = new StringBuilder(MAX_BYTES);
    private final StringBuilder emotes = new StringBuilder(64);

    static String channelId(int channel) {
        return Integer.toString(100_000 + channel);
    }

    static String channelLogin(int channel) {
        return "channel" + channel;
    }

    byte[] line(SplittableRandom random, int channel, int user, long timestampMs, boolean hype) {
        int target = MIN_BYTES + random.nextInt(MAX_BYTES - MIN_BYTES + 1);
        String userId = Integer.toString(50_000_000 + channel * 7_919 + user);
        String login = "user" + userId;
        json.setLength(0);
        json.append("{\"channel_id\":\"").append(channelId(channel))
                .append("\",\"channel\":\"").append(channelLogin(channel))
                .append("\",\"user_id\":\"").append(userId)
                .append("\",\"username\":\"").append(login)
                .append("\",\"display_name\":\"").append(login)
                .append("\",\"timestamp\":").append(timestampMs)
                .append(",\"message_id\":\"").append(uuid(random))
                .append("\",\"emotes\":[");
        text.setLength(0);
        emotes.setLength(0);
        // Bytes left for the text and the emote list; the closing part is 15 bytes.
        int budget = Math.max(4, target - json.length() - 15);
        while (used() < budget / 2 || (used() < budget - 12 && random.nextInt(4) != 0)) {
            boolean emote = random.nextInt(hype ? 2 : 6) == 0;
            String word = emote ? EMOTES[random.nextInt(hype ? 3 : EMOTES.length)] : WORDS[random.nextInt(WORDS.length)];
            // an emote costs its word in the text and its quoted name in the list
            int cost = emote ? word.length() * 2 + 4 : word.length() + 1;
            if (used() + cost > budget) {
                break;
            }
            if (emote) {
                emotes.append(emotes.length() == 0 ? "" : ",").append('"').append(word).append('"');
                appendWord(word);
            } else {
                appendWord(hype && random.nextBoolean() ? word.toUpperCase() : word);
            }
        }
        json.append(emotes).append("],\"message\":\"").append(text).append("\"}\n");
        return json.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private int used() {
        return text.length() + emotes.length();
    }

    private void appendWord(String word) {
        if (text.length() > 0) {
            text.append(' ');
        }
        text.append(word);
    }

    private static String uuid(SplittableRandom random) {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }
}
