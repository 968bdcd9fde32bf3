package dev.cartflow.benchmarks.service;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The options the stress and soak suites share for the service they start and the shoppers they
 * run: {@code --variant=} [the suite's default], {@code --jar=} [the newest exec jar],
 * {@code --url=} [start the jar], {@code --service-jvm="..."} [none], {@code --service-args="..."}
 * [none], {@code --service-log=} [benchmarks/target/&lt;suite&gt;-service.log], {@code --skus=}
 * [from {@code GET /products}], {@code --mix=} [70,25,5], {@code --seed=} [42].
 *
 * @param variant     the service to start
 * @param jar         the executable jar (null with a url)
 * @param url         a running loopback service, or null
 * @param serviceJvm  its JVM options
 * @param serviceArgs further Spring Boot arguments
 * @param serviceLog  where its output goes
 * @param skus        the products, or empty for the catalog's
 * @param mix         the shopper mix
 * @param seed        the first client's seed
 */
record ServiceOptions(ServiceSetup.Variant variant, Path jar, URI url, List<String> serviceJvm,
                      List<String> serviceArgs, Path serviceLog, List<String> skus, Mix mix, long seed) {
    /** The option names this record reads. */
    static final Set<String> NAMES = Set.of("variant", "jar", "url", "service-jvm", "service-args", "service-log",
            "skus", "mix", "seed");

    /** The names of a suite: these and its own. */
    static Set<String> with(String... own) {
        return Stream.concat(NAMES.stream(), Stream.of(own)).collect(Collectors.toUnmodifiableSet());
    }

    static ServiceOptions from(Args args, String suite, ServiceSetup.Variant defaultVariant) throws IOException {
        URI url = args.has("url") ? URI.create(args.text("url", "")) : null;
        return new ServiceOptions(args.has("variant") ? ServiceSetup.Variant.named(args.text("variant", ""))
                : defaultVariant, url == null || args.has("jar") ? args.jar() : null, url, args.words("service-jvm"),
                args.words("service-args"), Path.of(args.text("service-log", "benchmarks/target/" + suite
                + "-service.log")), args.list("skus"), Mix.parse(args.text("mix", "70,25,5")), args.number("seed", 42));
    }

    /** Starts (or, with a url, finds) the service. */
    ServiceSetup open() throws Exception {
        return url != null ? ServiceSetup.running(variant, url)
                : ServiceSetup.start(variant, jar, serviceJvm, serviceArgs, serviceLog);
    }

    /** The products: the given ones, else the catalog's. */
    List<String> skus(ServiceSetup service) throws IOException, InterruptedException {
        return skus.isEmpty() ? ServiceLoad.catalog(service.base()) : skus;
    }
}
