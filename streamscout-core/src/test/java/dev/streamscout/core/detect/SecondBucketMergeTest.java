package dev.streamscout.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** A second gathered in parts and merged is the second gathered message by message. */
class SecondBucketMergeTest {

    private static final String[] LINES = {"LUL LUL LUL", "nice play", "NICE PLAY", "gg", "ㅋㅋㅋㅋㅋ", "Kappa Kappa",
        "what is this", "@someone hi", "POGGERS", "same same same", "nice play"};

    @RepeatedTest(20)
    void merged_parts_equal_the_whole(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        List<ChatMessage> messages = new ArrayList<>();
        int n = 1 + random.nextInt(40);
        for (int i = 0; i < n; i++) {
            String user = "u" + random.nextInt(12);
            messages.add(new ChatMessage("1", "c", user, user, user, LINES[random.nextInt(LINES.length)], 5_000 + i,
                    random.nextBoolean() ? List.of("Kappa") : List.of(), null));
        }
        SecondBucket whole = new SecondBucket(5_000);
        messages.forEach(whole::add);
        whole.noteCause(CauseTags.RAID);

        SecondBucket merged = new SecondBucket(5_000);
        int from = 0;
        while (from < n) {
            int to = Math.min(n, from + 1 + random.nextInt(8));
            SecondBucket part = new SecondBucket(5_000);
            messages.subList(from, to).forEach(part::add);
            if (from == 0) {
                part.noteCause(CauseTags.RAID);
            }
            merged.merge(part);
            from = to;
        }

        assertThat(merged).usingRecursiveComparison().ignoringFields("userSet").isEqualTo(whole);
        assertThat(merged.toChatSecond()).isEqualTo(whole.toChatSecond());
    }
}
