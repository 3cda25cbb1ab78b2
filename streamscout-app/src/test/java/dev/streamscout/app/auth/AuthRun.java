package dev.streamscout.app.auth;

import static org.awaitility.Awaitility.await;

import dev.streamscout.app.cli.AuthCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** {@code streamscout auth ...} running on its own thread, as a user would start it in a terminal. */
final class AuthRun {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exit;

    private AuthRun(Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new AuthCommand(env));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        exit = CompletableFuture.supplyAsync(() -> cli.execute(args));
    }

    static AuthRun start(Map<String, String> env, String... args) {
        return new AuthRun(env, args);
    }

    /** Waits until the output shows something matching {@code regex} and returns its first group. */
    String awaitOutput(String regex) {
        Pattern pattern = Pattern.compile(regex);
        await().atMost(Duration.ofSeconds(10)).until(() -> pattern.matcher(out()).find() || exit.isDone());
        Matcher m = pattern.matcher(out());
        if (!m.find()) {
            throw new AssertionError("auth printed no match for " + regex + "; out: " + out() + " err: " + err());
        }
        return m.group(1);
    }

    int exitCode() throws Exception {
        return exit.get(20, TimeUnit.SECONDS);
    }

    String out() {
        synchronized (out.getBuffer()) {
            return out.toString();
        }
    }

    String err() {
        synchronized (err.getBuffer()) {
            return err.toString();
        }
    }
}
