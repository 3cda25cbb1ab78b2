package dev.streamscout.store;

import static dev.streamscout.store.StoreFixtures.NOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.core.chat.ChatMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link RawChatDao} promises on either database. */
abstract class RawChatDaoContract extends DatabaseContract {

    private RawChatDao archive;

    @BeforeEach
    void createDao() throws SQLException {
        archive = new RawChatDao(database.dataSource());
        archive.deleteOlderThan(Instant.parse("2100-01-01T00:00:00Z"));
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM chat_messages_raw");
        }
    }

    private static ChatMessage message(String id, String channel, Instant at, String text) {
        return new ChatMessage(channel, "login_" + channel, "u" + id, "user" + id, "User" + id, text,
                at.toEpochMilli(), List.of("Kappa", "Kappa"), id);
    }

    @Test
    void aBatchIsStoredOnceAndReadBackByChannelAndTime() {
        ChatMessage first = message("m1", "1", NOON, "hello \"chat\" ünïcode ✓");
        ChatMessage second = message("m2", "1", NOON.plusMillis(1500), "<img src=x onerror=alert(1)>");
        ChatMessage nextDay = message("m3", "1", NOON.plus(Duration.ofDays(1)), "tomorrow");
        ChatMessage other = message("m4", "2", NOON, "other channel");
        ChatMessage noId = message(null, "1", NOON, "no id");

        assertThat(archive.insert(List.of(first, second, nextDay, other, noId))).isEqualTo(4);
        assertThat(archive.insert(List.of(second, first))).isZero();

        assertThat(archive.find("1", NOON, NOON.plus(Duration.ofDays(2)), 10)).containsExactly(first, second, nextDay);
        assertThat(archive.find("1", NOON, NOON.plus(Duration.ofDays(2)), 1)).containsExactly(first);
        assertThat(archive.find("1", NOON.plusSeconds(1), NOON.plus(Duration.ofDays(1)), 10)).containsExactly(second);
    }

    @Test
    void aFailingBatchKeepsNothing() {
        // A channel id longer than the column's 64 characters: the database refuses the second row.
        List<ChatMessage> batch = List.of(message("m1", "1", NOON, "kept only with the rest"),
                message("m2", "x".repeat(65), NOON, "refused"));

        assertThatThrownBy(() -> archive.insert(batch)).isInstanceOf(StoreException.class)
                .hasMessageContaining("2 chat messages");
        assertThat(archive.find("1", NOON, NOON.plusSeconds(1), 10)).isEmpty();
    }

    @Test
    void retentionRemovesWhatIsOlderThanTheCutoffAndKeepsTheRest() {
        Instant old = NOON.minus(Duration.ofDays(8));
        archive.insert(List.of(message("old", "1", old, "old"), message("new", "1", NOON, "new")));

        // H2 deletes the one old row; PostgreSQL drops the one old day's partition.
        assertThat(archive.deleteOlderThan(NOON.minus(Duration.ofDays(7)))).isEqualTo(1);

        assertThat(archive.find("1", old.minus(Duration.ofDays(1)), NOON.plusSeconds(1), 10))
                .extracting(ChatMessage::messageId).containsExactly("new");
        // Writing into a day that was dropped makes it again.
        assertThat(archive.insert(List.of(message("again", "1", old, "again")))).isEqualTo(1);
    }
}
