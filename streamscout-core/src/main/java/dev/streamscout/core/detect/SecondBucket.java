package dev.streamscout.core.detect;

import dev.streamscout.core.chat.ChatMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one channel said in one second, gathered while the second is open: the counts a
 * detector needs ({@link #toChatSecond()}) and the material a moment's explanation is built from.
 *
 * <p>A mutable Flink POJO (public fields of lists and maps of strings) so that it can sit in keyed
 * state while the second is open. Commands must be filtered out before {@link #add}.
 */
public class SecondBucket {

    /** Samples kept per second; the explanation picks its five from these. */
    public static final int SAMPLES_PER_SECOND = 5;
    /** Tokens and emotes a closed second keeps for explanations (its most frequent ones). */
    public static final int KEPT_COUNTS = 20;
    private static final int MAX_SAMPLE_LENGTH = 200;

    public long startMs;
    public int messages;
    public int emoteMessages;
    public int loudMessages;
    /*
     * The collections below are created on first use: most seconds of most channels are quiet, and a
     * closed second keeps only what an explanation reads (see trimForKeeping). Null means empty.
     */
    /** Distinct chatters (usernames), in order of first message. */
    public List<String> users;
    /** Normalised text to how many messages had it, for copypasta; dropped when the second closes. */
    public Map<String, Integer> texts;
    public Map<String, Integer> tokens;
    public Map<String, Integer> emotes;
    /** The first few lines of the second, as {@code user: text}. */
    public List<String> samples;
    /** Cause tags of structured events in this second. */
    public List<String> causes;

    public SecondBucket() {}

    public SecondBucket(long startMs) {
        this.startMs = startMs;
    }

    /** Counts one chat message into the second. */
    public void add(ChatMessage message) {
        messages++;
        String text = message.message();
        List<String> messageEmotes = message.emotes();
        if (!messageEmotes.isEmpty()) {
            emoteMessages++;
            if (emotes == null) {
                emotes = new HashMap<>();
            }
            for (String emote : messageEmotes) {
                emotes.merge(emote, 1, Integer::sum);
            }
        }
        if (ChatSignals.isLoud(text)) {
            loudMessages++;
        }
        String user = message.username();
        if (user != null && !user.isEmpty()) {
            if (users == null) {
                users = new ArrayList<>();
            }
            if (!users.contains(user)) {
                users.add(user);
            }
        }
        if (texts == null) {
            texts = new HashMap<>();
        }
        texts.merge(ChatSignals.normalise(text), 1, Integer::sum);
        // Emotes are counted as emotes, not also as words (tokens are lower-cased, emote names are not).
        for (String token : ChatSignals.tokens(text)) {
            if (!isEmoteWord(token, messageEmotes)) {
                if (tokens == null) {
                    tokens = new HashMap<>();
                }
                tokens.merge(token, 1, Integer::sum);
            }
        }
        if (!text.isBlank() && (samples == null || samples.size() < SAMPLES_PER_SECOND)) {
            if (samples == null) {
                samples = new ArrayList<>(SAMPLES_PER_SECOND);
            }
            String line = (user == null ? "" : user + ": ") + text;
            samples.add(line.length() > MAX_SAMPLE_LENGTH ? line.substring(0, MAX_SAMPLE_LENGTH) : line);
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
                users = new ArrayList<>(later.users.size());
            }
            for (String user : later.users) {
                if (!users.contains(user)) {
                    users.add(user);
                }
            }
        }
        texts = sum(texts, later.texts);
        tokens = sum(tokens, later.tokens);
        emotes = sum(emotes, later.emotes);
        if (later.samples != null) {
            for (String line : later.samples) {
                if (samples == null) {
                    samples = new ArrayList<>(SAMPLES_PER_SECOND);
                }
                if (samples.size() < SAMPLES_PER_SECOND) {
                    samples.add(line);
                }
            }
        }
        if (later.causes != null) {
            later.causes.forEach(this::noteCause);
        }
    }

    private static Map<String, Integer> sum(Map<String, Integer> into, Map<String, Integer> more) {
        if (more == null || more.isEmpty()) {
            return into;
        }
        if (into == null) {
            return new HashMap<>(more);
        }
        more.forEach((k, v) -> into.merge(k, v, Integer::sum));
        return into;
    }

    private static boolean isEmoteWord(String token, List<String> emotes) {
        for (String emote : emotes) {
            if (emote.toLowerCase(Locale.ROOT).equals(token)) {
                return true;
            }
        }
        return false;
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

    /**
     * Keeps of a closed second only what an explanation reads: no texts, and the {@value #KEPT_COUNTS}
     * most frequent tokens and emotes (an explanation shows the top five over fifteen seconds; the long
     * tail of words said once or twice in a second never reaches it, but costs most of the memory).
     */
    void trimForKeeping() {
        texts = null;
        tokens = mostFrequent(tokens);
        emotes = mostFrequent(emotes);
    }

    private static Map<String, Integer> mostFrequent(Map<String, Integer> counts) {
        if (counts == null || counts.size() <= KEPT_COUNTS) {
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
        int repeated = 0;
        if (texts != null) {
            for (int n : texts.values()) {
                if (n > 1) {
                    repeated += n;
                }
            }
        }
        int chatters = users == null ? 0 : users.size();
        return new ChatSecond(startMs, messages, chatters, emoteMessages, loudMessages, repeated, chatters);
    }
}
