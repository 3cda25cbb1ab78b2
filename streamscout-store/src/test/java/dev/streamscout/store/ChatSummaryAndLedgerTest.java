package dev.streamscout.store;

import org.junit.jupiter.api.Nested;

class ChatSummaryAndLedgerTest {

    @Nested
    class OnH2 extends ChatSummaryAndLedgerContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends ChatSummaryAndLedgerContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.postgres();
        }
    }
}
