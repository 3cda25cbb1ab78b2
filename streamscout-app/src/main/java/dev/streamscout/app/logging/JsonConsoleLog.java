package dev.streamscout.app.logging;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout.EventTemplateAdditionalField;

/**
 * Switches the running Log4j2 configuration from its console appenders to one that writes a JSON
 * object per line on stdout.
 *
 * <p>Done in code rather than with a second XML file so that the logger levels stay in one place
 * ({@code log4j2.xml}, or an operator's own file) and only the output changes. Flink's MiniCluster, the
 * embedded Kafka broker, Jetty and Flyway log through the same Log4j2 context, so their lines become
 * JSON too. It must run before anything logs: a line written earlier is still plain text.
 */
public final class JsonConsoleLog {

    /** System property that names the service in every JSON line (demo, run, ingest, job, api). */
    public static final String SERVICE_PROPERTY = "streamscout.service";

    static final String TEMPLATE = "classpath:streamscout-log-template.json";
    static final String APPENDER_NAME = "json-console";

    private JsonConsoleLog() {}

    /** Replaces every appender of the current configuration with the JSON console appender. */
    public static void install(String service) {
        System.setProperty(SERVICE_PROPERTY, service);
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
            return; // another logging backend: its own configuration decides the format
        }
        Configuration configuration = context.getConfiguration();
        if (configuration.getAppenders().containsKey(APPENDER_NAME)) {
            return;
        }
        JsonTemplateLayout layout = JsonTemplateLayout.newBuilder()
                .setConfiguration(configuration)
                .setEventTemplateUri(TEMPLATE)
                .setEventTemplateAdditionalFields(new EventTemplateAdditionalField[] {
                    EventTemplateAdditionalField.newBuilder().setKey("service").setValue(service).build()
                })
                .build();
        Appender json = ConsoleAppender.newBuilder()
                .setName(APPENDER_NAME)
                .setTarget(ConsoleAppender.Target.SYSTEM_OUT)
                .setLayout(layout)
                .setConfiguration(configuration)
                .build();
        json.start();
        configuration.addAppender(json);

        List<LoggerConfig> loggers = new ArrayList<>(configuration.getLoggers().values());
        loggers.add(configuration.getRootLogger());
        for (LoggerConfig logger : loggers) {
            boolean hadAppenders = !logger.getAppenders().isEmpty();
            for (String name : List.copyOf(logger.getAppenders().keySet())) {
                logger.removeAppender(name);
            }
            // The root always writes; other loggers only where they had their own (non-additive) output.
            if (hadAppenders || logger == configuration.getRootLogger()) {
                logger.addAppender(json, null, null);
            }
        }
        context.updateLoggers();
    }
}
