package dev.cartflow.service.demo;

import dev.cartflow.service.auth.HmacTokenVerifier;
import dev.cartflow.service.auth.Principal;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The jar's {@code mint-token} command: prints a bearer token the service accepts, signed with
 * the service's key, for a customer ({@code --customer=alice}) or a support agent
 * ({@code --staff=agent-7 --reason=TICKET-1 [--read-only]}), valid for {@code --lifetime} (an ISO-8601
 * duration, {@code PT12H} by default). The key comes from {@code --key=<base64>}, else the
 * {@code CARTSERVICE_AUTH_HMAC_KEY} environment variable, else the demo key in
 * {@code application.yml} (with a warning). Only the token goes to standard output, so that
 * {@code TOKEN=$(java -jar ... mint-token --customer=alice)} works.
 */
public final class MintToken {
    /** The environment variable that holds the service's key, as Spring Boot binds it. */
    static final String KEY_VARIABLE = "CARTSERVICE_AUTH_HMAC_KEY";

    private static final String KEY_PROPERTY = "cartservice.auth.hmac-key";
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);
    private static final Set<String> OPTIONS = Set.of("customer", "staff", "reason", "read-only", "lifetime", "key");
    private static final String USAGE = "usage: mint-token (--customer=<id> | --staff=<id> --reason=<ticket> "
            + "[--read-only]) [--lifetime=PT12H] [--key=<base64>]";

    private MintToken() {
    }

    /**
     * Runs the command as the jar does: the token on standard output, or a message on standard error
     * and exit status 2.
     *
     * @param args the arguments after {@code mint-token}
     */
    public static void run(String[] args) {
        int status = run(args, System.out, System.err, System::getenv);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the command.
     *
     * @param args        the arguments after {@code mint-token}
     * @param out         where the token goes
     * @param err         where warnings and errors go
     * @param environment the environment variables
     * @return the exit status: 0, or 2 for a wrong command line
     */
    static int run(String[] args, PrintStream out, PrintStream err, UnaryOperator<@Nullable String> environment) {
        try {
            SimpleCommandLinePropertySource options = new SimpleCommandLinePropertySource(args);
            String stray = options.getProperty(CommandLinePropertySource.DEFAULT_NON_OPTION_ARGS_PROPERTY_NAME);
            if (stray != null && !stray.isEmpty()) {
                throw new IllegalArgumentException("unexpected argument " + stray);
            }
            for (String name : options.getPropertyNames()) {
                if (!OPTIONS.contains(name)) {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
            }
            Principal principal = principal(options);
            Duration lifetime = lifetime(options.getProperty("lifetime"));
            byte[] key = key(options.getProperty("key"), environment.apply(KEY_VARIABLE), err);
            out.println(new HmacTokenVerifier(key, Clock.systemUTC()).mint(principal, lifetime));
            return 0;
        } catch (IllegalArgumentException wrong) {
            err.println("mint-token: " + wrong.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private static Principal principal(SimpleCommandLinePropertySource options) {
        String customer = options.getProperty("customer");
        String staff = options.getProperty("staff");
        if ((customer == null) == (staff == null)) {
            throw new IllegalArgumentException("name either --customer or --staff");
        }
        if (customer != null) {
            if (customer.isBlank() || options.containsProperty("reason") || options.containsProperty("read-only")) {
                throw new IllegalArgumentException("--customer takes an id and no --reason or --read-only");
            }
            return new Principal.Customer(customer);
        }
        String reason = options.getProperty("reason");
        if (staff.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("--staff needs an id and a --reason (a ticket reference)");
        }
        String readOnly = options.getProperty("read-only");
        if (readOnly != null && !readOnly.isEmpty() && !"true".equals(readOnly) && !"false".equals(readOnly)) {
            throw new IllegalArgumentException("--read-only takes no value");
        }
        return new Principal.Staff(staff, reason, readOnly != null && !"false".equals(readOnly));
    }

    private static Duration lifetime(@Nullable String text) {
        if (text == null) {
            return DEFAULT_LIFETIME;
        }
        try {
            Duration lifetime = Duration.parse(text);
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("--lifetime must be positive");
            }
            return lifetime;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--lifetime is an ISO-8601 duration such as PT12H or P7D");
        }
    }

    private static byte[] key(@Nullable String option, @Nullable String variable, PrintStream err) {
        String base64 = option != null ? option : variable;
        if (base64 == null || base64.isBlank()) {
            err.println("mint-token: warning: signing with the DEMO key from application.yml; set "
                    + KEY_VARIABLE + " or --key for anything but a local demo");
            base64 = demoKey();
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not base64");
        }
        if (key.length < HmacTokenVerifier.MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the key needs at least " + HmacTokenVerifier.MIN_KEY_BYTES + " bytes");
        }
        return key;
    }

    /** The key of the default profile, read from the same application.yml the service starts with. */
    static String demoKey() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String key = properties == null ? null : properties.getProperty(KEY_PROPERTY);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("no " + KEY_PROPERTY + " in application.yml: pass --key");
        }
        return key;
    }
}
