package dev.streamscout.app.wiring;

import dev.streamscout.app.config.ConfigException;
import java.util.function.Supplier;

/** One step of starting a service: a failure is rethrown naming the part and, where useful, the fix. */
public final class StartupStep {

    private StartupStep() {}

    /**
     * Runs {@code start}; configuration errors and already-named start-up errors pass through, any
     * other failure becomes a {@link StartupException} saying "could not start WHAT DETAIL: cause".
     */
    public static <T> T run(String what, String detail, Supplier<T> start) {
        try {
            return start.get();
        } catch (ConfigException | StartupException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StartupException("could not start " + what + detail + ": " + rootMessage(e), e);
        }
    }

    /** The innermost cause's message: what actually went wrong, without the wrapping layers. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
