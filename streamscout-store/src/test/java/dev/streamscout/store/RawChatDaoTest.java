package dev.streamscout.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RawChatDaoTest {

    @Nested
    class OnH2 extends RawChatDaoContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.h2();
        }

        // Random message ids first in the key made H2 rewrite most of the key's pages on every write (V9).
        @Test
        void theKeyStartsWithTheTimeSoThatWritesAppend() throws Exception {
            try (Connection c = database.dataSource().getConnection();
                    ResultSet rs = c.getMetaData().getPrimaryKeys(null, c.getSchema(), "chat_messages_raw")) {
                List<String> columns = new ArrayList<>(List.of("", ""));
                while (rs.next()) {
                    columns.set(rs.getInt("KEY_SEQ") - 1, rs.getString("COLUMN_NAME"));
                }
                assertThat(columns).containsExactly("sent_at", "message_id");
            }
        }
    }

    @Nested
    class OnPostgres extends RawChatDaoContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.postgres();
        }
    }
}
