package dev.streamscout.bench.e2e;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.json.Json;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The {@link ReplayFeed} as a Flink stream: one source task pulls the lines in file order and parses
 * them with the project's JSON mapper (as the Kafka deserializer in production does). The Flink
 * engines share this, so they differ only in what comes after it.
 */
final class FlinkReplay {

    /** The job's parallelism: the two cores of the machine. */
    static final int PARALLELISM = 2;

    private FlinkReplay() {}

    static StreamExecutionEnvironment environment() {
        Configuration conf = new Configuration();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM, conf);
        return env;
    }

    static DataStream<ChatMessage> chat(StreamExecutionEnvironment env, long messages) {
        return chat(env, messages, line -> Json.fromBytes(line, ChatMessage.class));
    }

    /** As above, with the engine's own reader of a line (what its Kafka deserializer would do). */
    static DataStream<ChatMessage> chat(StreamExecutionEnvironment env, long messages, LineParser parser) {
        return env.fromSource(new NumberSequenceSource(1, messages), WatermarkStrategy.noWatermarks(), "Replay")
                .setParallelism(1)
                .map(new ParseNextLine(parser)).setParallelism(1).name("Parse JSON");
    }

    /** Turns one JSON line into a chat message. */
    @FunctionalInterface
    interface LineParser extends java.io.Serializable {
        ChatMessage parse(byte[] line);
    }

    /** Ignores the sequence number: it only paces the pull of the next line from the feed. */
    private static final class ParseNextLine implements MapFunction<Long, ChatMessage> {
        private static final long serialVersionUID = 1L;
        private final LineParser parser;

        ParseNextLine(LineParser parser) {
            this.parser = parser;
        }

        @Override
        public ChatMessage map(Long index) {
            byte[] line = ReplayFeed.get().next();
            if (line == null) {
                throw new IllegalStateException("feed ended before message " + index);
            }
            return parser.parse(line);
        }
    }
}
