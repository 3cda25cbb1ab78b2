package dev.streamscout.sim.http;

import dev.streamscout.sim.world.ClipStore;
import dev.streamscout.sim.world.HypeSchedule;
import dev.streamscout.sim.world.World;
import java.io.IOException;

/**
 * The simulator's ground truth for tests and the demo's evaluation: scripted hype moments
 * ({@code /sim/moments}), clips created so far ({@code /sim/clips}) and the channel ranking
 * ({@code /sim/channels}).
 */
final class SimApi {

    private final World world;
    private final HypeSchedule hype;
    private final ClipStore clips;

    SimApi(World world, HypeSchedule hype, ClipStore clips) {
        this.world = world;
        this.hype = hype;
        this.clips = clips;
    }

    void handle(Exchange exchange) throws IOException {
        if (!exchange.method().equals("GET")) {
            exchange.error(405, "Only GET is supported on " + exchange.path());
            return;
        }
        switch (exchange.path()) {
            case "/sim/moments" -> exchange.json(200, hype.moments());
            case "/sim/clips" -> exchange.json(200, clips.all());
            case "/sim/channels" -> exchange.json(200, world.ranking());
            default -> exchange.error(404, "Nothing at " + exchange.path());
        }
    }
}
