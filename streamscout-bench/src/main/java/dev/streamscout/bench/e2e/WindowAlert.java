package dev.streamscout.bench.e2e;

/** An alert of a window-based peer: the channel and the end of the window that fired. A Flink POJO. */
public class WindowAlert {

    public String channelId;
    public long windowEndMs;
    public long count;

    public WindowAlert() {}

    WindowAlert(String channelId, long windowEndMs, long count) {
        this.channelId = channelId;
        this.windowEndMs = windowEndMs;
        this.count = count;
    }

    static RecordingSink<WindowAlert> sink() {
        return new RecordingSink<>(new Locator());
    }

    private static final class Locator implements RecordingSink.Locator<WindowAlert> {
        private static final long serialVersionUID = 1L;

        @Override
        public String channel(WindowAlert alert) {
            return alert.channelId;
        }

        @Override
        public long atMs(WindowAlert alert) {
            return alert.windowEndMs;
        }

        @Override
        public long decidedMs(WindowAlert alert) {
            return alert.windowEndMs - 999; // windowEndMs is the window's last millisecond
        }
    }
}
