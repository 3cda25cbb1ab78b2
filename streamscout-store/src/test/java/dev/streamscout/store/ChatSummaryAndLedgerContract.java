package dev.streamscout.store;

import static dev.streamscout.store.StoreFixtures.NOON;
import static dev.streamscout.store.StoreFixtures.ONE_HOUR_LATER;
import static dev.streamscout.store.StoreFixtures.ONE_MINUTE_LATER;
import static dev.streamscout.store.StoreFixtures.TWO_MINUTES_LATER;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link ChatSummaryDao} and {@link ClipLedgerDao} promise on either database. */
abstract class ChatSummaryAndLedgerContract extends DatabaseContract {

    private ChatSummaryDao summaries;
    private ClipLedgerDao ledger;

    @BeforeEach
    void createDaos() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM chat_summary_minute");
            s.execute("DELETE FROM clip_requests");
            s.execute("DELETE FROM channel_clip_blocks");
        }
        summaries = new ChatSummaryDao(database.dataSource());
        ledger = new ClipLedgerDao(database.dataSource());
    }

    private static ChatMinuteSummary minute(String channel, long minuteMs, int messages) {
        Map<String, Integer> chatters = new LinkedHashMap<>();
        chatters.put("zed", 5);
        chatters.put("amy", 3);
        Map<String, Integer> emotes = new LinkedHashMap<>();
        emotes.put("PogChamp", 9);
        emotes.put("KEKW", 2);
        return new ChatMinuteSummary(channel, "login_" + channel, minuteMs, messages, 2, chatters, emotes, 0.25);
    }

    @Test
    void aMinuteIsUpsertedAndReadsBackInOrderWithItsRankedMaps() {
        long m0 = NOON.toEpochMilli();
        ChatMinuteSummary first = minute("1", m0, 8);
        ChatMinuteSummary next = minute("1", ONE_MINUTE_LATER.toEpochMilli(), 4);
        ChatMinuteSummary other = minute("2", m0, 1);
        summaries.upsert(next);
        summaries.upsert(first);
        summaries.upsert(other);
        ChatMinuteSummary replayedWithMore = minute("1", m0, 11);
        summaries.upsert(replayedWithMore);

        assertThat(summaries.findByChannelBetween("1", NOON, TWO_MINUTES_LATER, 10))
                .containsExactly(replayedWithMore, next);
        ChatMinuteSummary read = summaries.findByChannelBetween("1", NOON, ONE_MINUTE_LATER, 10).get(0);
        assertThat(read.topChatters().keySet()).containsExactly("zed", "amy");
        assertThat(read.topEmotes().keySet()).containsExactly("PogChamp", "KEKW");
    }

    @Test
    void aMomentCanBeClaimedForCreateClipOnlyOnce() {
        assertThat(ledger.claim("1:100", "1", NOON)).isTrue();
        assertThat(ledger.claim("1:100", "1", ONE_MINUTE_LATER)).isFalse();
        assertThat(ledger.claim("1:101", "1", NOON)).isTrue();
    }

    @Test
    void aBlockIsActiveUntilItsEndAndCanBeRenewed() {
        ChannelClipBlock block = new ChannelClipBlock("7", "403 clips disabled", NOON, NOON.plus(Duration.ofMinutes(30)));
        ledger.block(block);

        assertThat(ledger.activeBlock("7", ONE_MINUTE_LATER)).contains(block);
        assertThat(ledger.activeBlock("7", ONE_HOUR_LATER)).isEmpty();
        assertThat(ledger.activeBlock("8", ONE_MINUTE_LATER)).isEmpty();

        ChannelClipBlock renewed = new ChannelClipBlock("7", "403 again", ONE_HOUR_LATER, ONE_HOUR_LATER.plusSeconds(60));
        ledger.block(renewed);
        assertThat(ledger.blocks()).containsExactly(renewed);
    }
}
