package dev.streamscout.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * A second's words, emotes and samples, read from its kept lines when asked, equal
 * what gathering them message by message as they arrived gave (the reference below is that eager
 * gathering as the bucket did it before), also for seconds gathered in parts and merged.
 */
class ExplanationMaterialTest {

    private static final String[] LINES = {"LUL LUL LUL", "nice play", "NICE PLAY", "gg", "ㅋㅋㅋㅋㅋㅋ", "Kappa Kappa",
        "what is this", "@someone hi", "POGGERS", "same same same", "nice play", "", "   ", "!!!!!",
        "https://x.y look", "w" + "o".repeat(9) + "w", "a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc",
        "x".repeat(260), "Pog!! wow... insane,", "tab\tseparated  words"};
    private static final String[] EMOTES = {"Kappa", "LUL", "PogChamp", "KEKW"};

    @RepeatedTest(30)
    void lines_read_on_demand_give_what_eager_gathering_gave(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        int n = 1 + random.nextInt(repetition.getCurrentRepetition() * 10);
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String user = random.nextInt(15) == 0 ? (random.nextBoolean() ? null : "") : "u" + random.nextInt(40);
            String text = LINES[random.nextInt(LINES.length)] + (random.nextInt(4) == 0 ? " w" + random.nextInt(60) : "");
            List<String> emotes = random.nextInt(3) == 0 ? List.of(EMOTES[random.nextInt(EMOTES.length)]) : List.of();
            messages.add(new ChatMessage("1", "c", "id", user, user, text, 5_000 + i, emotes, null));
        }
        EagerSecond eager = new EagerSecond();
        messages.forEach(eager::add);

        SecondBucket merged = new SecondBucket(5_000);
        int from = 0;
        while (from < n) {
            int to = Math.min(n, from + 1 + random.nextInt(6));
            SecondBucket part = new SecondBucket(5_000);
            messages.subList(from, to).forEach(part::add);
            merged.merge(part);
            from = to;
        }

        assertThat(merged.tokenCounts()).isEqualTo(EagerSecond.mostFrequent(eager.tokens));
        assertThat(merged.emoteCounts()).isEqualTo(EagerSecond.mostFrequent(eager.emotes));
        assertThat(merged.samples()).isEqualTo(eager.samples);
        assertThat(merged.users).isEqualTo(eager.users);
    }

    /** The bucket's gathering before it kept lines: every message read at once for words, emotes, samples. */
    private static final class EagerSecond {
        final List<String> users = new ArrayList<>();
        final Map<String, Integer> tokens = new HashMap<>();
        final Map<String, Integer> emotes = new HashMap<>();
        final List<String> samples = new ArrayList<>();

        void add(ChatMessage message) {
            String text = message.message();
            for (String emote : message.emotes()) {
                emotes.merge(emote, 1, Integer::sum);
            }
            String user = message.username();
            if (user != null && !user.isEmpty() && !users.contains(user)) {
                users.add(user);
            }
            for (String token : ChatSignals.tokens(text)) {
                if (message.emotes().stream().noneMatch(e -> e.toLowerCase(Locale.ROOT).equals(token))) {
                    tokens.merge(token, 1, Integer::sum);
                }
            }
            if (!text.isBlank() && samples.size() < SecondBucket.SAMPLES_PER_SECOND) {
                String line = (user == null ? "" : user + ": ") + text;
                samples.add(line.length() > 200 ? line.substring(0, 200) : line);
            }
        }

        static Map<String, Integer> mostFrequent(Map<String, Integer> counts) {
            if (counts.size() <= SecondBucket.KEPT_COUNTS) {
                return counts;
            }
            Map<String, Integer> kept = new HashMap<>();
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(SecondBucket.KEPT_COUNTS).forEach(e -> kept.put(e.getKey(), e.getValue()));
            return kept;
        }
    }
}
