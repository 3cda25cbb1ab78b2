package dev.streamscout.job.analytics;

import java.util.Locale;
import java.util.Set;

/**
 * A deliberately small sentiment lexicon for Twitch chat: common positive and negative English words
 * and the emotes chat uses to cheer or to mock. A message counts one hit per matching token; a
 * minute's score is {@code (positive - negative) / (positive + negative)}, in [-1, 1], 0 without hits.
 *
 * <p>Matching is case-insensitive on whole tokens (split on anything that is not a letter, digit or
 * apostrophe), so "LUL" and "lul" both count and "unpoggers" does not. It is a placeholder for a real
 * model (seed 004 calls it "lexicon-based, placeholder for ML"), good enough to tell a cheering
 * minute from an angry one.
 */
public final class SentimentLexicon {

    static final Set<String> POSITIVE = Set.of(
            "pog", "pogchamp", "poggers", "pogu", "hype", "gg", "ez", "wow", "nice", "love", "<3", "lol", "lul",
            "kekw", "omegalul", "lmao", "haha", "clutch", "insane", "amazing", "great", "good", "best", "win",
            "wp", "pepehands" /* sympathy, not anger */, "catjam", "pepega", "goat", "yes", "beautiful", "epic");

    static final Set<String> NEGATIVE = Set.of(
            "bad", "trash", "boring", "cringe", "hate", "sad", "lose", "lost", "wtf", "ff", "throw", "throwing",
            "biblethump", "notlikethis", "residentsleeper", "wutface", "dansgame", "ugh", "worst", "terrible",
            "awful", "rip", "no", "noo", "nooo", "scam", "toxic", "annoying", "fail", "l");

    private SentimentLexicon() {}

    /** Positive and negative hits of one message: {@code [positive, negative]}. */
    public static int[] score(String message) {
        int positive = 0;
        int negative = 0;
        if (message == null) {
            return new int[] {0, 0};
        }
        for (String token : message.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'<]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (POSITIVE.contains(token)) {
                positive++;
            } else if (NEGATIVE.contains(token)) {
                negative++;
            }
        }
        return new int[] {positive, negative};
    }

    /** The score of a minute with these hit counts, in [-1, 1]. */
    public static double score(long positive, long negative) {
        long hits = positive + negative;
        return hits == 0 ? 0.0 : (positive - negative) / (double) hits;
    }
}
