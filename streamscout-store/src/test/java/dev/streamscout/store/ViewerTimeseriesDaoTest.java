package dev.streamscout.store;

import org.junit.jupiter.api.Nested;

class ViewerTimeseriesDaoTest {

    @Nested
    class OnH2 extends ViewerTimeseriesDaoContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends ViewerTimeseriesDaoContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.postgres();
        }
    }
}
