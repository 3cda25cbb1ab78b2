package dev.streamscout.job.analytics;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Window adapter: turns a channel's count in one window into a seed 003 {@link ChannelStats} record. */
public class ChannelStatsWindow extends ProcessWindowFunction<Long, ChannelStats, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    @Override
    public void process(String channelId, Context context, Iterable<Long> counts, Collector<ChannelStats> out) {
        TimeWindow w = context.window();
        for (Long count : counts) {
            out.collect(new ChannelStats(channelId, count, w.getStart() / 1000, w.getEnd() / 1000,
                    (w.getEnd() - w.getStart()) / 1000));
        }
    }
}
