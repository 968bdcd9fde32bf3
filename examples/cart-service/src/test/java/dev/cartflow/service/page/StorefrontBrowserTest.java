package dev.cartflow.service.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Sku;
import dev.cartflow.service.auth.HmacTokenVerifier;
import dev.cartflow.service.auth.Principal;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The storefront page end to end in real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, driven by Selenium with Selenium Manager off, so nothing is downloaded):
 * a shopper browses, fills a cart, meets a coupon error and a hint, picks shipping, signs in and
 * merges, a second browser follows live, and the shopper checks out. Every figure the page shows is
 * checked against {@code GET /carts/{id}}; screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovablePrices.class)
class StorefrontBrowserTest {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(10);
    private static final int PHONE_WIDTH = 375;
    private static final int PHONE_HEIGHT = 667;

    @LocalServerPort
    int port;
    @Autowired
    HmacTokenVerifier tokens;
    @Autowired
    MovablePrices.Raised pricing;

    private final List<WebDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void chromiumIsInstalled() {
        // CI installs them (.ci/run); a missing browser must fail the build, not skip the test
        assertThat(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM))
                .withFailMessage("the browser test needs Debian's chromium and chromium-driver (%s, %s): "
                        + "apt-get install -y --no-install-recommends chromium chromium-driver", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        // belt and braces: the driver binary is given below, and Selenium Manager may not go online either
        System.setProperty("SE_OFFLINE", "true");
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    /** On a failure (before the browsers close), what each browser showed and logged. */
    @RegisterExtension
    final AfterTestExecutionCallback evidence = context -> context.getExecutionException().ifPresent(failure -> {
        for (int i = 0; i < browsers.size(); i++) {
            String name = "browser" + i;
            new Storefront(browsers.get(i), name).screenshot(SCREENSHOTS, "failure");
            browsers.get(i).manage().logs().get(LogType.BROWSER)
                    .forEach(entry -> System.err.println(name + " console: " + entry));
        }
    });

    @Test
    @Timeout(120)
    void shopping_wholeFlowInTwoBrowsers_pageShowsWhatTheServiceComputes() {
        String site = "http://localhost:" + port;
        CartApi api = new CartApi(site);
        Storefront desk = new Storefront(browser(false), "desktop").open(site + "/");
        Storefront phone = new Storefront(browser(true), "phone");

        // filters: what the page lists is what the catalog answers for the same filter
        assertThat(desk.productSkus()).containsExactlyElementsOf(skus(api, "/products?currency=EUR"));
        desk.filterCategory("kitchen");
        assertThat(desk.productSkus()).containsExactlyElementsOf(skus(api, "/products?currency=EUR&category=kitchen"));
        desk.filterCategory("");
        desk.search("tea");
        assertThat(desk.productSkus()).containsExactlyElementsOf(skus(api, "/products?currency=EUR&q=tea"));
        desk.search("");
        desk.screenshot(SCREENSHOTS, "01-catalog");

        // add and change: the guest cart the page created is the one the service prices
        desk.add("MUG");
        String cartId = desk.cartId();
        Map<String, String> guest = CartApi.guest(api.guestToken(desk.storedGuestCart()));
        desk.setQuantity("MUG", 2);
        JsonNode cart = api.cart(cartId, guest);
        assertThat(desk.lines()).isEqualTo(Map.of("MUG", cart.get("lines").get(0).get("quantity").asInt()));
        assertFiguresMatch(desk, cart);

        // a bad code: the page shows the service's refusal, naming the code
        String badCode = "NOPE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String refusal = api.post("/carts/" + cartId + "/codes", "{\"code\":\"" + badCode + "\"}", guest)
                .body().get("code").asString();
        assertThat(desk.applyCode(badCode)).hasValueSatisfying(message -> assertThat(message).contains(badCode));
        assertThat(desk.couponErrorCode()).isEqualTo(refusal);

        // a good code: its explanation is the service's description and amount
        assertThat(desk.applyCode("WELCOME10")).isEmpty();
        cart = api.cart(cartId, guest);
        JsonNode promotion = applied(cart);
        assertThat(desk.promotions()).containsEntry(promotion.get("promotionId").asString(),
                promotion.get("description").asString() + ": -" + money(promotion.get("amount")));
        assertFiguresMatch(desk, cart);

        // shipping: the free-shipping hint shows the amount the service says is missing
        desk.selectCountry("DE");
        desk.selectShipping("STANDARD");
        cart = api.cart(cartId, guest);
        JsonNode shippingHint = shippingHint(cart);
        assertThat(shippingHint).withFailMessage("the service gives no free-shipping hint: %s", cart).isNotNull();
        assertThat(desk.hints()).containsEntry("shipping",
                "Spend " + money(shippingHint.get("missingAmount")) + " more for free shipping");
        assertFiguresMatch(desk, cart);
        desk.screenshot(SCREENSHOTS, "02-hint");

        // passing the threshold: the hint goes, as the service's does
        desk.setQuantity("MUG", 5);
        cart = api.cart(cartId, guest);
        assertThat(shippingHint(cart)).isNull();
        assertThat(desk.hints()).doesNotContainKey("shipping");
        assertFiguresMatch(desk, cart);
        desk.screenshot(SCREENSHOTS, "03-free-shipping");

        // sign in: the page previews the merge as the service does, then merges
        String customerId = "shopper-" + UUID.randomUUID().toString().substring(0, 13); // within the demo sign-in's 40-character handles
        Map<String, String> customer = CartApi.bearer(tokens.mint(new Principal.Customer(customerId),
                Duration.ofMinutes(10)));
        Map<String, String> both = new LinkedHashMap<>(guest);
        both.putAll(customer);
        JsonNode preview = api.post("/carts/" + cartId + "/merge-preview", "{}", both).body();
        Map<String, Integer> expectedPreview = new LinkedHashMap<>();
        preview.get("merge").get("lines").forEach(l -> expectedPreview.put(l.get("sku").asString(),
                l.get("resultQuantity").asInt()));
        Map<String, Integer> shownPreview = desk.signIn(customerId);
        desk.screenshot(SCREENSHOTS, "04-merge-preview");
        assertThat(shownPreview).isEqualTo(expectedPreview);
        desk.acceptMerge();
        String customerCartId = desk.cartId();
        cart = api.cart(customerCartId, customer);
        assertThat(cart.get("owner").asString()).isEqualTo("CUSTOMER");
        assertThat(desk.lines()).isEqualTo(quantities(cart));
        assertFiguresMatch(desk, cart);

        // a second browser, signed in as the same customer on a phone-sized screen, follows live
        phone.open(site + "/");
        phone.signIn(customerId);
        phone.waitUntilSignedIn();
        phone.waitForVersion(cart.get("version").asLong(), Storefront.PATIENCE);
        assertThat(phone.cartId()).isEqualTo(customerCartId);
        assertThat(phone.viewportWidth()).withFailMessage("the page is wider than the phone: %s", phone.tooWide())
                .isEqualTo(PHONE_WIDTH);
        assertThat(phone.overflowsSideways()).withFailMessage("the page scrolls sideways at %s px", PHONE_WIDTH).isFalse();
        desk.add("TEA");
        cart = api.cart(customerCartId, customer);
        phone.waitForVersion(cart.get("version").asLong(), LIVE_WITHIN);
        assertThat(phone.lines()).isEqualTo(quantities(cart));
        assertFiguresMatch(phone, cart);
        // the stream where the service has it, else the page's polling fallback
        assertThat(phone.liveMode()).isEqualTo(api.streamsEvents(customerCartId, customer) ? "stream" : "polling");
        assertThat(phone.goToCart()).endsWith(money(cart.get("totals").get("total")));
        phone.screenshot(SCREENSHOTS, "05-live");

        // a price moves: on its next look the page says so, in the service's figures
        pricing.raise(Sku.of("TEA"), 40);
        desk.open(site + "/");
        cart = api.cart(customerCartId, customer);
        JsonNode change = cart.get("priceChanges").get(0);
        assertThat(change).withFailMessage("the service reports no price change: %s", cart).isNotNull();
        assertThat(desk.priceChanges()).containsEntry(change.get("sku").asString(), "Price changed: "
                + productName(api, change.get("sku").asString()) + " was "
                + money(change.get("previous")) + ", now " + money(change.get("current")) + ".");
        assertFiguresMatch(desk, cart);
        desk.screenshot(SCREENSHOTS, "06-price-changed");

        // remove a line
        desk.remove("TEA");
        cart = api.cart(customerCartId, customer);
        assertThat(desk.lines()).isEqualTo(quantities(cart)).doesNotContainKey("TEA");
        assertFiguresMatch(desk, cart);

        // checkout: the confirmation shows the total the service handed off
        Map.Entry<String, String> done = desk.checkout();
        desk.screenshot(SCREENSHOTS, "07-checkout");
        JsonNode checkedOut = api.cart(customerCartId, customer);
        assertThat(done.getKey()).isEqualTo(customerCartId);
        assertThat(checkedOut.get("state").asString()).isEqualTo("CHECKED_OUT");
        assertThat(done.getValue()).isEqualTo(checkedOut.get("totals").get("total").get("amount").asString());
    }

    /** A desktop browser, or one emulating a 375x667 phone (a headless window is never narrower than 500 px). */
    private WebDriver browser(boolean phone) {
        String kind = phone ? "phone" : "desktop";
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(new File("target/chromedriver-" + kind + ".log")).build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,900", "--user-data-dir=" + profile(kind));
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "pixelRatio", 1.0, "touch", true)));
        }
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        WebDriver browser = new ChromeDriver(service, options);
        browsers.add(browser);
        return browser;
    }

    /** A fresh profile per browser inside target/, so the two share no localStorage and nothing is left in /tmp. */
    private static String profile(String kind) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "chromium-profiles"));
            return Files.createTempDirectory(dir, kind + "-").toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String productName(CartApi api, String sku) {
        JsonNode products = api.get("/products?currency=EUR", Map.of()).body().get("products");
        return StreamSupport.stream(products.spliterator(), false).filter(p -> p.get("sku").asString().equals(sku))
                .map(p -> p.get("name").asString()).findFirst().orElseThrow();
    }

    private static List<String> skus(CartApi api, String path) {
        JsonNode products = api.get(path, Map.of()).body().get("products");
        return StreamSupport.stream(products.spliterator(), false).map(p -> p.get("sku").asString()).toList();
    }

    /** Every figure the page shows equals the service's, and the total is always shown. */
    private static void assertFiguresMatch(Storefront page, JsonNode cart) {
        Map<String, String> shown = page.figures();
        JsonNode totals = cart.get("totals");
        assertThat(shown).containsKey("total");
        shown.forEach((key, amount) -> assertThat(amount).as(key).isEqualTo(totals.get(key).get("amount").asString()));
        assertThat(page.figureText("total")).isEqualTo(money(totals.get("total")));
    }

    private static Map<String, Integer> quantities(JsonNode cart) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        cart.get("lines").forEach(l -> lines.put(l.get("sku").asString(), l.get("quantity").asInt()));
        return lines;
    }

    private static JsonNode applied(JsonNode cart) {
        for (JsonNode promotion : cart.get("promotions")) {
            String result = promotion.get("result").asString();
            if (result.equals("APPLIED") || result.equals("CAPPED")) {
                return promotion;
            }
        }
        throw new AssertionError("no promotion applies: " + cart);
    }

    private static JsonNode shippingHint(JsonNode cart) {
        for (JsonNode hint : cart.get("hints")) {
            if (hint.get("subject").asString().equals("SHIPPING")) {
                return hint;
            }
        }
        return null;
    }

    private static String money(JsonNode money) {
        return money.get("amount").asString() + " " + money.get("currency").asString();
    }
}
