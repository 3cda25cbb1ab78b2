package dev.streamscout.core.detect;

import dev.streamscout.core.chat.ChatMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything one channel said in one second, gathered while the second is open: the counts a
 * detector needs ({@link #toChatSecond()}) and the lines a moment's explanation is built from.
 *
 * <p>Per message only what every second needs is worked out (loudness, emotes or not, distinct
 * chatters); the lines themselves are kept as they came, and their words, emote counts and samples
 * ({@link #tokenCounts()}, {@link #emoteCounts()}, {@link #samples()}) are read from them only when a
 * moment is explained, which is rare: nearly every second is never explained, so reading its words
 * for every message was most of the per-message cost.
 *
 * <p>A mutable Flink POJO (public fields of lists of strings and lines) so that it can sit in keyed
 * state while the second is open and in {@link RecentChat} after. Commands must be filtered out
 * before {@link #add}.
 */
public class SecondBucket {

    /** Samples an explanation takes per second (the first non-blank lines). */
    public static final int SAMPLES_PER_SECOND = 5;
    /** Tokens and emotes of a second that an explanation counts (its most frequent ones). */
    public static final int KEPT_COUNTS = 20;
    private static final int MAX_SAMPLE_LENGTH = 200;
    /** Past this many chatters, "seen already?" is answered by a hash set instead of scanning the list. */
    private static final int USER_SET_FROM = 8;

    public long startMs;
    public int messages;
    public int emoteMessages;
    public int loudMessages;
    /*
     * The collections below are created on first use: most seconds of most channels are quiet. Null
     * means empty.
     */
    /** Distinct chatters (usernames), in order of first message. */
    public List<String> users;
    /** Every message of the second, in order of arrival. */
    public List<ChatLine> lines;
    /** Cause tags of structured events in this second. */
    public List<String> causes;

    /** Mirror of {@link #users} for busy seconds; rebuilt on demand, never serialized. */
    private transient Set<String> userSet;

    public SecondBucket() {}

    public SecondBucket(long startMs) {
        this.startMs = startMs;
    }

    /**
     * A bucket as it was, from its counts and lines (a serializer reading one back); the distinct
     * chatters are the lines' senders in order of first appearance, as {@link #add} gathered them.
     */
    public static SecondBucket restore(long startMs, int messages, int emoteMessages, int loudMessages,
            List<ChatLine> lines, List<String> causes) {
        SecondBucket bucket = new SecondBucket(startMs);
        bucket.messages = messages;
        bucket.emoteMessages = emoteMessages;
        bucket.loudMessages = loudMessages;
        bucket.lines = lines;
        bucket.causes = causes;
        if (lines != null) {
            for (ChatLine line : lines) {
                if (line.user != null && !line.user.isEmpty()) {
                    bucket.addUser(line.user);
                }
            }
        }
        return bucket;
    }

    /** Counts one chat message into the second. */
    public void add(ChatMessage message) {
        add(message.username(), message.message(), message.emotes());
    }

    /** Counts one chat line (sender, text, emotes in order of appearance) into the second. */
    public void add(String user, String text, List<String> emotes) {
        messages++;
        if (emotes != null && !emotes.isEmpty()) {
            emoteMessages++;
        }
        if (ChatSignals.isLoud(text)) {
            loudMessages++;
        }
        if (user != null && !user.isEmpty()) {
            addUser(user);
        }
        if (lines == null) {
            lines = new ArrayList<>(2);
        }
        lines.add(new ChatLine(user, text, emotes));
    }

    private void addUser(String user) {
        if (users == null) {
            users = new ArrayList<>(2);
        }
        int n = users.size();
        if (n < USER_SET_FROM) {
            if (!users.contains(user)) {
                users.add(user);
            }
            return;
        }
        if (userSet == null || userSet.size() != n) {
            userSet = new HashSet<>(users);
        }
        if (userSet.add(user)) {
            users.add(user);
        }
    }

    /**
     * Adds another part of the same second, gathered elsewhere from later messages (a pre-aggregated
     * summary): the result is what adding those messages here one by one would have given.
     */
    public void merge(SecondBucket later) {
        messages += later.messages;
        emoteMessages += later.emoteMessages;
        loudMessages += later.loudMessages;
        if (later.users != null) {
            if (users == null) {
                users = new ArrayList<>(later.users);
            } else {
                for (String user : later.users) {
                    addUser(user);
                }
            }
        }
        if (later.lines != null) {
            if (lines == null) {
                lines = new ArrayList<>(later.lines);
            } else {
                lines.addAll(later.lines);
            }
        }
        if (later.causes != null) {
            later.causes.forEach(this::noteCause);
        }
    }

    /** Notes a structured event (see {@link CauseTags}) in this second. */
    public void noteCause(String tag) {
        if (tag == null) {
            return;
        }
        if (causes == null) {
            causes = new ArrayList<>(1);
        }
        if (!causes.contains(tag)) {
            causes.add(tag);
        }
    }

    /** The second is closed: nothing more will be added, so the chatter lookup can go. */
    void trimForKeeping() {
        userSet = null;
    }

    /**
     * The {@value #KEPT_COUNTS} most frequent words of the second (all when fewer), with how many
     * messages said them: lower-cased {@link ChatSignals#tokens}, a message's own emotes not counted as words
     * (tokens are lower-cased, emote names are not). Worked out from the lines on each call.
     */
    public Map<String, Integer> tokenCounts() {
        Map<String, Integer> tokens = new HashMap<>();
        if (lines != null) {
            for (ChatLine line : lines) {
                for (String token : ChatSignals.tokens(line.text)) {
                    if (!isEmoteWord(token, line.emotes)) {
                        tokens.merge(token, 1, Integer::sum);
                    }
                }
            }
        }
        return mostFrequent(tokens);
    }

    /** The {@value #KEPT_COUNTS} most frequent emotes of the second (all when fewer), one count per use. */
    public Map<String, Integer> emoteCounts() {
        Map<String, Integer> emotes = new HashMap<>();
        if (lines != null) {
            for (ChatLine line : lines) {
                if (line.emotes != null) {
                    for (String emote : line.emotes) {
                        emotes.merge(emote, 1, Integer::sum);
                    }
                }
            }
        }
        return mostFrequent(emotes);
    }

    /** The first {@value #SAMPLES_PER_SECOND} non-blank lines of the second, as {@code user: text}. */
    public List<String> samples() {
        List<String> samples = new ArrayList<>(SAMPLES_PER_SECOND);
        if (lines != null) {
            for (ChatLine line : lines) {
                if (samples.size() == SAMPLES_PER_SECOND) {
                    break;
                }
                String text = line.text == null ? "" : line.text;
                if (!text.isBlank()) {
                    String sample = (line.user == null ? "" : line.user + ": ") + text;
                    samples.add(sample.length() > MAX_SAMPLE_LENGTH ? sample.substring(0, MAX_SAMPLE_LENGTH) : sample);
                }
            }
        }
        return samples;
    }

    private static boolean isEmoteWord(String token, List<String> emotes) {
        if (emotes == null) {
            return false;
        }
        for (String emote : emotes) {
            if (emote.toLowerCase(Locale.ROOT).equals(token)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Integer> mostFrequent(Map<String, Integer> counts) {
        if (counts.size() <= KEPT_COUNTS) {
            return counts;
        }
        Map<String, Integer> kept = new HashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(KEPT_COUNTS).forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }

    /** What the detector sees of this second. */
    public ChatSecond toChatSecond() {
        int chatters = users == null ? 0 : users.size();
        return new ChatSecond(startMs, messages, chatters, emoteMessages, loudMessages, chatters);
    }
}
