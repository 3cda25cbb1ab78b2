package dev.streamscout.sim.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.detect.ChatSignals;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The two halves of {@link ChatterMix}'s model that can be checked without running the simulator. */
class ChatterMixTest {

    @Test
    void ordinary_chat_shouts_about_as_often_as_real_chat() {
        ChatTextFactory texts = new ChatTextFactory(new EmoteCatalog(7));
        Random random = new Random(7);
        int loud = 0;
        int said = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = texts.normal(random, "somechannel", "somechannel", null).text();
            if (!text.startsWith("!")) {
                said++;
                loud += ChatSignals.isLoud(text) ? 1 : 0;
            }
        }
        // Real ordinary chat (kimdoe, 5 min before each labelled highlight): p50 0.15, p10-p90 0.08-0.23.
        assertThat(loud / (double) said).isBetween(0.12, 0.19);
    }

    @Test
    void passers_by_are_rarely_the_same_person_and_never_a_regular() {
        ChatterPool pool = new ChatterPool(3, "123", 30_000);
        Random random = new Random(3);
        Set<String> regulars = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            regulars.add(pool.pick(random).userId());
        }
        Set<String> passersBy = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            Chatter chatter = pool.passerBy(random);
            assertThat(regulars).doesNotContain(chatter.userId());
            passersBy.add(chatter.userId());
        }
        // 1,000 draws from 30,000 viewers: about 17 repeats expected.
        assertThat(passersBy.size()).isGreaterThan(950);
        // The same seed and channel give the same people.
        assertThat(new ChatterPool(3, "123", 30_000).passerBy(new Random(1)))
                .isEqualTo(new ChatterPool(3, "123", 30_000).passerBy(new Random(1)));
    }
}
