package dev.streamscout.store;

import org.junit.jupiter.api.Nested;

class MomentDaoTest {

    @Nested
    class OnH2 extends MomentDaoContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends MomentDaoContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.postgres();
        }
    }
}
