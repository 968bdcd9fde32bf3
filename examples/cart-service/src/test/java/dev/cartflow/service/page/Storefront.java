package dev.cartflow.service.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The storefront page in one browser, as a shopper uses it (a page object). */
final class Storefront {
    /** Generous: two browsers and the service share a loaded machine. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final WebDriver browser;
    private final WebDriverWait wait;
    private final String name;

    Storefront(WebDriver browser, String name) {
        this.browser = browser;
        this.name = name;
        this.wait = wait(PATIENCE);
    }

    Storefront open(String url) {
        browser.get(url);
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        return this;
    }

    List<String> productSkus() {
        return script("return Array.from(document.querySelectorAll('#products .product'), p => p.dataset.sku)");
    }

    void filterCategory(String category) {
        List<String> before = productSkus();
        new Select(browser.findElement(By.id("filter-category"))).selectByValue(category);
        waitForProductsOtherThan(before);
    }

    void search(String text) {
        List<String> before = productSkus();
        WebElement box = browser.findElement(By.id("filter-q"));
        // typed as a shopper types (clear() fires no input event)
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        if (!text.isEmpty()) {
            box.sendKeys(text);
        }
        waitForProductsOtherThan(before);
    }

    private void waitForProductsOtherThan(List<String> before) {
        wait.until(d -> !productSkus().equals(before));
    }

    void add(String sku) {
        int before = lines().getOrDefault(sku, 0);
        browser.findElement(By.cssSelector("#products .product[data-sku='" + sku + "'] button.add")).click();
        // the first add creates the cart (a version without lines) before adding to it
        wait.until(d -> lines().getOrDefault(sku, 0) > before || !errorText().isEmpty());
        if (!errorText().isEmpty()) {
            throw new AssertionError(name + " shows an error: " + errorText());
        }
    }

    void setQuantity(String sku, int quantity) {
        String version = version();
        WebElement input = line(sku).findElement(By.cssSelector("input.quantity"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(quantity), Keys.TAB);
        waitForVersionOtherThan(version);
    }

    /** Enters a code; returns the coupon error shown, if any, once the page has answered. */
    Optional<String> applyCode(String code) {
        String version = version();
        WebElement field = browser.findElement(By.id("coupon-code"));
        field.clear();
        field.sendKeys(code, Keys.ENTER);
        wait.until(d -> !version().equals(version) || !couponError().isEmpty());
        return couponError().isEmpty() ? Optional.empty() : Optional.of(couponError());
    }

    String couponError() {
        return browser.findElement(By.id("coupon-error")).getText().trim();
    }

    String couponErrorCode() {
        return browser.findElement(By.id("coupon-error")).getDomAttribute("data-code");
    }

    void selectCountry(String country) {
        Select select = new Select(browser.findElement(By.id("country")));
        if (country.equals(select.getFirstSelectedOption().getDomAttribute("value"))) {
            return;
        }
        String version = version();
        select.selectByValue(country);
        waitForVersionOtherThan(version);
    }

    void selectShipping(String methodId) {
        String version = version();
        new Select(browser.findElement(By.id("shipping-method"))).selectByValue(methodId);
        waitForVersionOtherThan(version);
    }

    /** The figures shown, by their key (subtotal, discount, shipping, shippingDiscount, tax, total) -> amount. */
    Map<String, String> figures() {
        return pairs("#figures [data-figure]", "e.dataset.figure", "e.dataset.amount");
    }

    String figureText(String key) {
        return browser.findElement(By.cssSelector("#figures [data-figure='" + key + "'] dd")).getText().trim();
    }

    /** The promotion explanations shown, by promotion id -> text. */
    Map<String, String> promotions() {
        return pairs("#promotions li", "e.dataset.promotion", "e.textContent.trim()");
    }

    /** The hints shown, by subject (shipping or a promotion id) -> text. */
    Map<String, String> hints() {
        return pairs("#hints li", "e.dataset.hint", "e.textContent.trim()");
    }

    /** The lines shown, sku -> quantity. */
    Map<String, Integer> lines() {
        Map<String, Integer> shown = new LinkedHashMap<>();
        pairs("#lines .line", "e.dataset.sku", "e.querySelector('input.quantity').value")
                .forEach((sku, quantity) -> shown.put(sku, Integer.valueOf(quantity)));
        return shown;
    }

    /** Reads key and value of every element matching a selector in one script, so no element goes stale midway. */
    private Map<String, String> pairs(String selector, String key, String value) {
        List<List<String>> rows = script("return Array.from(document.querySelectorAll('" + selector + "'), e => ["
                + key + ", " + value + "])");
        Map<String, String> shown = new LinkedHashMap<>();
        rows.forEach(row -> shown.put(row.get(0), row.get(1)));
        return shown;
    }

    @SuppressWarnings("unchecked")
    private <T> T script(String script) {
        return (T) ((JavascriptExecutor) browser).executeScript(script);
    }

    /** The price-change notices shown, sku -> text. */
    Map<String, String> priceChanges() {
        return pairs("#price-changes p", "e.dataset.sku", "e.textContent.trim()");
    }

    void remove(String sku) {
        String version = version();
        line(sku).findElement(By.cssSelector("button.remove")).click();
        waitForVersionOtherThan(version);
    }

    /** The elements reaching past the phone's width, for a failure message. */
    List<String> tooWide() {
        return script("return Array.from(document.querySelectorAll('body *'))"
                + ".filter(e => e.getBoundingClientRect().right > screen.width)"
                + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
    }

    long viewportWidth() {
        return ((Number) script("return window.innerWidth")).longValue();
    }

    /** How the page follows the cart: {@code stream} or {@code polling}, once it knows. */
    String liveMode() {
        wait.until(d -> !attribute(By.id("cart"), "data-live").isEmpty());
        return attribute(By.id("cart"), "data-live");
    }

    String cartId() {
        return attribute(By.id("cart"), "data-cart-id");
    }

    String version() {
        return attribute(By.id("cart"), "data-version");
    }

    void waitForVersionOtherThan(String version) {
        wait.until(d -> !version().equals(version) || !errorText().isEmpty());
        if (!errorText().isEmpty()) {
            throw new AssertionError(name + " shows an error: " + errorText());
        }
    }

    /** Waits until this page shows at least the given version of the cart, within {@code within}. */
    void waitForVersion(long atLeast, Duration within) {
        wait(within).until(d -> !version().isEmpty() && Long.parseLong(version()) >= atLeast);
    }

    String errorText() {
        return browser.findElement(By.id("error")).getText().trim();
    }

    /** Signs in; returns the merge preview rows (sku -> quantity after) when the page asks to merge. */
    Map<String, Integer> signIn(String customerId) {
        browser.findElement(By.id("customer-id")).sendKeys(customerId, Keys.ENTER);
        wait.until(d -> d.findElement(By.id("merge-dialog")).isDisplayed()
                || d.findElement(By.id("signed-in")).isDisplayed());
        Map<String, Integer> preview = new LinkedHashMap<>();
        if (browser.findElement(By.id("merge-dialog")).isDisplayed()) {
            for (WebElement row : browser.findElements(By.cssSelector("#merge-preview tbody tr"))) {
                preview.put(row.getDomAttribute("data-sku"), Integer.valueOf(
                        row.findElement(By.cssSelector("[data-result]")).getDomAttribute("data-result")));
            }
        }
        return preview;
    }

    void acceptMerge() {
        browser.findElement(By.id("merge-accept")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
        wait.until(d -> status().contains("merged"));
    }

    void waitUntilSignedIn() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
    }

    String status() {
        return browser.findElement(By.id("status")).getText();
    }

    /** Checks out; returns the checked-out cart's id and the total the confirmation shows. */
    Map.Entry<String, String> checkout() {
        browser.findElement(By.id("checkout")).click();
        WebElement confirmation = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
        return Map.entry(confirmation.getDomAttribute("data-cart-id"),
                confirmation.findElement(By.cssSelector("[data-amount]")).getDomAttribute("data-amount"));
    }

    /** The guest cart the page keeps in localStorage, as JSON, or null. */
    String storedGuestCart() {
        return (String) ((JavascriptExecutor) browser).executeScript("return localStorage.getItem('cartflow.guestCart')");
    }

    /** Whether the page is wider than the window (a phone would have to scroll sideways). */
    boolean overflowsSideways() {
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        return Boolean.TRUE.equals(overflow);
    }

    /** Follows the header's cart summary to the cart (on a phone it is below the products); returns its text. */
    String goToCart() {
        WebElement summary = browser.findElement(By.id("cart-summary"));
        String text = summary.getText().trim();
        summary.click();
        return text;
    }

    void screenshot(Path folder, String shot) {
        try {
            Files.createDirectories(folder);
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(folder.resolve(shot + "-" + name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebDriverWait wait(Duration patience) {
        WebDriverWait waiting = new WebDriverWait(browser, patience);
        // the page re-renders what changed; an element read as it is replaced is simply read again
        waiting.ignoring(StaleElementReferenceException.class);
        return waiting;
    }

    private String attribute(By where, String attribute) {
        String value = browser.findElement(where).getDomAttribute(attribute);
        return value == null ? "" : value;
    }

    private WebElement line(String sku) {
        return browser.findElement(By.cssSelector("#lines .line[data-sku='" + sku + "']"));
    }
}
