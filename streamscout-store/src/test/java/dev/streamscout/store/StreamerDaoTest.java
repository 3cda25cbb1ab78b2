package dev.streamscout.store;

import org.junit.jupiter.api.Nested;

class StreamerDaoTest {

    @Nested
    class OnH2 extends StreamerDaoContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends StreamerDaoContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.postgres();
        }
    }
}
