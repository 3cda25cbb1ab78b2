package dev.streamscout.bench.e2e;

import java.util.List;

/** The engines the harness knows, by name. */
public final class Engines {

    private Engines() {}

    public static List<Engine> all() {
        return List.of(new HighlightJobEngine(), new SeedWindowEngine(false), new SeedWindowEngine(true),
                new SqlHopEngine(), new KafkaStreamsEngine(), ExternalEngine.spark(), new ReadOnlyEngine());
    }

    public static Engine named(String name) {
        return all().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown engine '" + name + "' (known: "
                        + all().stream().map(Engine::name).toList() + ")"));
    }
}
