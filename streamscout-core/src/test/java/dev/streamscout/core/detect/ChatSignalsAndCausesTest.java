package dev.streamscout.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatEventType;
import dev.streamscout.core.chat.ChatMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatSignalsAndCausesTest {

    private static ChatEvent event(ChatEventType type, long amount) {
        return new ChatEvent(type, type.name().toLowerCase(), "e", "1", "chan", "2", "u", "U", 1000, amount, "", "",
                Map.of());
    }

    @Test
    void loud_lines_shout_or_repeat() {
        assertThat(ChatSignals.isLoud("OMEGALUL THIS GUY")).isTrue();
        assertThat(ChatSignals.isLoud("LUL LUL LUL")).isTrue();
        assertThat(ChatSignals.isLoud("ㅋㅋㅋㅋㅋ")).isTrue();
        assertThat(ChatSignals.isLoud("777777777")).isTrue();
        assertThat(ChatSignals.isLoud("what a nice play")).isFalse();
        assertThat(ChatSignals.isLoud("OK")).isFalse();
        assertThat(ChatSignals.isLoud("")).isFalse();
    }

    @Test
    void tokens_skip_mentions_links_and_single_characters_and_shorten_runs() {
        assertThat(ChatSignals.tokens("@someone WOW!! https://x.y a ㅋㅋㅋㅋㅋㅋㅋ Pog"))
                .containsExactly("wow", "ㅋㅋㅋ", "pog");
    }

    @Test
    void raids_gift_bombs_and_announcements_are_causes_small_gifts_and_bits_are_not() {
        assertThat(CauseTags.of(event(ChatEventType.RAID, 120))).contains(CauseTags.RAID);
        assertThat(CauseTags.of(event(ChatEventType.SUBMYSTERYGIFT, 5))).contains(CauseTags.GIFT_SUB_BOMB);
        assertThat(CauseTags.of(event(ChatEventType.SUBMYSTERYGIFT, 4))).isEmpty();
        assertThat(CauseTags.of(event(ChatEventType.ANNOUNCEMENT, 0))).contains(CauseTags.ANNOUNCEMENT);
        assertThat(CauseTags.of(event(ChatEventType.BITS, 1000))).isEmpty();
    }

    @Test
    void a_second_counts_chatters_once_and_words_across_chatters() {
        SecondBucket bucket = new SecondBucket(5000);
        for (String user : List.of("a", "b", "c", "a")) {
            bucket.add(new ChatMessage("1", "chan", null, user, user, "Kappa  same line", 5100, List.of("Kappa"), null));
        }
        bucket.add(new ChatMessage("1", "chan", null, "d", "d", "SOMETHING ELSE", 5200, List.of(), null));

        ChatSecond s = bucket.toChatSecond();

        assertThat(s.messages()).isEqualTo(5);
        assertThat(s.uniqueChatters()).isEqualTo(4);
        assertThat(s.emoteMessages()).isEqualTo(4);
        assertThat(s.loudMessages()).isEqualTo(1);
        assertThat(bucket.emoteCounts()).containsEntry("Kappa", 4);
        assertThat(bucket.tokenCounts()).doesNotContainKey("kappa").containsEntry("same", 4);
    }

    @Test
    void distinct_chatters_are_counted_over_the_window_and_old_seconds_are_let_go() {
        RecentChat recent = new RecentChat();
        ChatSecond last = null;
        for (int i = 0; i < 100; i++) {
            SecondBucket b = new SecondBucket(i * 1000L);
            b.add(new ChatMessage("1", "chan", null, "user" + (i % 40), null, "hi", i * 1000L, List.of(), null));
            last = MomentExplainer.close(recent, b);
        }
        assertThat(last.windowChatters()).isEqualTo(MomentExplainer.CHATTER_WINDOW_SECONDS);
        assertThat(recent.seconds).hasSize(MomentExplainer.KEEP_SECONDS);
    }
}
