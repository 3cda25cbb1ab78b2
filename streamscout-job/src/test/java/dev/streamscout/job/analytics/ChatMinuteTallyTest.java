package dev.streamscout.job.analytics;

import static dev.streamscout.job.ChatFixtures.BEGINNING;
import static dev.streamscout.job.ChatFixtures.HYPE_ID;
import static dev.streamscout.job.ChatFixtures.HYPE_LOGIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.store.ChatMinuteSummary;
import java.time.Duration;
import java.util.List;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/** The plain counting behind {@code chat_summary_minute}, and the rules around it. */
class ChatMinuteTallyTest {

    private static ChatMessage says(String user, String text, String... emotes) {
        return new ChatMessage(HYPE_ID, HYPE_LOGIN, "u-" + user, user, user, text, BEGINNING.toEpochMilli(),
                List.of(emotes), null);
    }

    @Test
    void counts_messages_chatters_emotes_and_sentiment_and_merges_partial_tallies() {
        ChatMinuteTally left = new ChatMinuteTally()
                .add(says("amy", "PogChamp PogChamp what a clutch", "PogChamp", "PogChamp"))
                .add(says("amy", "gg"))
                .add(says("bob", "this is boring"));
        ChatMinuteTally right = new ChatMinuteTally()
                .add(says("cat", "KEKW", "KEKW"))
                .add(says("amy", "hello"));

        ChatMinuteSummary summary = left.merge(right).toSummary(BEGINNING.toEpochMilli());

        assertThat(summary.channelId()).isEqualTo(HYPE_ID);
        assertThat(summary.channelLogin()).isEqualTo(HYPE_LOGIN);
        assertThat(summary.messageCount()).isEqualTo(5);
        assertThat(summary.uniqueChatters()).isEqualTo(3);
        assertThat(summary.topChatters()).containsExactly(java.util.Map.entry("amy", 3), java.util.Map.entry("bob", 1),
                java.util.Map.entry("cat", 1));
        assertThat(summary.topEmotes()).containsExactly(java.util.Map.entry("PogChamp", 2), java.util.Map.entry("KEKW", 1));
        // positive: pogchamp x2, clutch, gg, kekw = 5; negative: boring = 1 → (5 - 1) / 6
        assertThat(summary.sentimentScore()).isCloseTo(4 / 6.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void keeps_only_the_top_five_with_ties_broken_by_name() {
        ChatMinuteTally tally = new ChatMinuteTally();
        for (String user : List.of("f", "e", "d", "c", "b", "a", "a")) {
            tally.add(says(user, "hi"));
        }

        assertThat(tally.toSummary(0).topChatters().keySet()).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void the_lexicon_matches_whole_tokens_case_insensitively() {
        assertThat(SentimentLexicon.score("LUL that was INSANE")).containsExactly(2, 0);
        assertThat(SentimentLexicon.score("unpoggers xddd")).containsExactly(0, 0);
        assertThat(SentimentLexicon.score("NotLikeThis we lost")).containsExactly(0, 2);
        assertThat(SentimentLexicon.score(null)).containsExactly(0, 0);
        assertThat(SentimentLexicon.score(0, 0)).isZero();
        assertThat(SentimentLexicon.score(0, 3)).isEqualTo(-1.0);
    }

    @Test
    void a_fall_of_40_percent_between_close_polls_of_a_big_enough_stream_is_a_drop() {
        ViewerDropRule rule = ViewerDropRule.defaults();
        long t0 = 0;
        long oneMinute = Duration.ofMinutes(1).toMillis();

        assertThat(rule.dropFraction(1000, t0, 600, oneMinute)).isEqualTo(0.4);
        assertThat(rule.dropFraction(1000, t0, 601, oneMinute)).isNegative();
        assertThat(rule.dropFraction(40, t0, 1, oneMinute)).as("tiny channel").isNegative();
        assertThat(rule.dropFraction(1000, t0, 100, Duration.ofMinutes(6).toMillis())).as("gap in the data").isNegative();
        assertThat(rule.dropFraction(1000, t0, 2000, oneMinute)).as("a rise").isNegative();
    }

    @Test
    void the_window_accumulator_is_a_flink_pojo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(ChatMinuteTally.class);
    }
}
