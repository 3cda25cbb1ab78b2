package dev.streamscout.store;

import org.junit.jupiter.api.Nested;

class ClipDaoTest {

    @Nested
    class OnH2 extends ClipDaoContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends ClipDaoContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.postgres();
        }
    }
}
