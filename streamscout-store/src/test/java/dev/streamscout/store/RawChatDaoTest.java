package dev.streamscout.store;

import org.junit.jupiter.api.Nested;

class RawChatDaoTest {

    @Nested
    class OnH2 extends RawChatDaoContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.h2();
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
