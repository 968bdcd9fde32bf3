package dev.cartflow.service.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A priced cart in JSON, as every cart response carries it: the cart, its lines (at most
 * {@link CartViews#INLINE_LINES} inline; {@code linesPage} says where the rest are), the totals,
 * taxes, shipping, each promotion's result, the codes, price changes and hints. Checkout, merge and
 * creation add their own member ({@code checkout}, {@code merge}, {@code token}).
 *
 * @param id             the cart id
 * @param version        the cart's version, also its {@code ETag}
 * @param state          ACTIVE, MERGED, CHECKED_OUT or EXPIRED
 * @param kind           SHOPPING, WISH_LIST or SAVED_FOR_LATER
 * @param owner          GUEST or CUSTOMER
 * @param currency       the cart's currency
 * @param country        the ship-to country
 * @param customerGroup  the price group, or null
 * @param lines          the priced lines (the first page of a large cart)
 * @param linesPage      where the lines stand within all of them
 * @param codes          the codes on the cart and whether each applies
 * @param shippingMethod the selected shipping method, or null
 * @param totals         the cart's totals
 * @param taxes          the tax by rate (lines and shipping)
 * @param promotions     each promotion's result, applied or not, with its amount
 * @param priceChanges   lines whose unit price moved since they were added
 * @param hints          what the cart lacks to qualify for a promotion or free shipping
 * @param unavailableLines lines whose product or price is gone (excluded from the totals)
 * @param fallbacks      the providers answered from a fallback (figures may be stale)
 * @param metadata       the host's JSON object
 * @param frozenUntil    until when the figures are frozen for payment, or null
 * @param expiresAt      when the cart expires
 * @param updatedAt      when it last changed
 * @param token          a new guest cart's token, in the creation response only
 * @param checkout       the hand-off, in the checkout response only
 * @param merge          the merge report, in merge and merge-preview responses only
 */
@Schema(name = "PricedCart")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CartJson(String id, long version, String state, String kind, String owner, String currency,
                       String country, @Nullable String customerGroup, List<LineJson> lines, LinesPageJson linesPage,
                       List<CodeJson> codes, @Nullable String shippingMethod, TotalsJson totals, List<TaxJson> taxes,
                       List<PromotionJson> promotions, List<PriceChangeJson> priceChanges, List<HintJson> hints,
                       List<String> unavailableLines, List<String> fallbacks,
                       @JsonRawValue @Schema(type = "object", types = "object", example = "{\"giftWrap\": true}") String metadata,
                       @Nullable Instant frozenUntil, Instant expiresAt, Instant updatedAt,
                       @Nullable String token, @Nullable CheckoutJson checkout, @Nullable MergeJson merge) {

    /** The same cart with the creation response's guest token. */
    CartJson withToken(String guestToken) {
        return new CartJson(id, version, state, kind, owner, currency, country, customerGroup, lines, linesPage, codes,
                shippingMethod, totals, taxes, promotions, priceChanges, hints, unavailableLines, fallbacks, metadata,
                frozenUntil, expiresAt, updatedAt, guestToken, checkout, merge);
    }

    /** The same cart with the checkout hand-off. */
    CartJson withCheckout(CheckoutJson handOff) {
        return new CartJson(id, version, state, kind, owner, currency, country, customerGroup, lines, linesPage, codes,
                shippingMethod, totals, taxes, promotions, priceChanges, hints, unavailableLines, fallbacks, metadata,
                frozenUntil, expiresAt, updatedAt, token, handOff, merge);
    }

    /** The same cart with the merge report. */
    CartJson withMerge(MergeJson report) {
        return new CartJson(id, version, state, kind, owner, currency, country, customerGroup, lines, linesPage, codes,
                shippingMethod, totals, taxes, promotions, priceChanges, hints, unavailableLines, fallbacks, metadata,
                frozenUntil, expiresAt, updatedAt, token, checkout, report);
    }

    /**
     * A priced line.
     *
     * @param lineId    the line id
     * @param sku       the product
     * @param quantity  units
     * @param warehouse where from
     * @param unitPrice the unit price now
     * @param subtotal  unit price times quantity
     * @param discount  the line's share of every discount
     * @param tax       the line's tax
     * @param total     what the line costs
     * @param discounts the discount of each promotion on the line
     */
    @Schema(name = "PricedLine")
    public record LineJson(String lineId, String sku, int quantity, String warehouse, MoneyJson unitPrice,
                           MoneyJson subtotal, MoneyJson discount, MoneyJson tax, MoneyJson total,
                           List<LineDiscountJson> discounts) {
    }

    /**
     * One promotion's discount on a line.
     *
     * @param promotionId the promotion
     * @param amount      the discount
     */
    @Schema(name = "LineDiscount")
    public record LineDiscountJson(String promotionId, MoneyJson amount) {
    }

    /**
     * Where a page of lines stands.
     *
     * @param offset the first line's position
     * @param limit  the page size asked for
     * @param total  how many lines the cart has
     * @param next   the path of the next page, or null on the last one
     */
    @Schema(name = "LinesPage")
    public record LinesPageJson(int offset, int limit, int total, @Nullable String next) {
    }

    /**
     * A code on the cart.
     *
     * @param code  the code
     * @param state APPLIED, or NOT_APPLICABLE when its promotion gives nothing now
     */
    @Schema(name = "CodeStatus")
    public record CodeJson(String code, String state) {
    }

    /**
     * The cart's totals.
     *
     * @param subtotal         the lines before discounts
     * @param discount         every item and order discount
     * @param shipping         the shipping price before its discount
     * @param shippingDiscount the shipping discount
     * @param shippingTax      the tax on shipping
     * @param tax              all tax
     * @param total            what the shopper pays
     * @param net              the total without tax
     */
    @Schema(name = "Totals")
    public record TotalsJson(MoneyJson subtotal, MoneyJson discount, MoneyJson shipping, MoneyJson shippingDiscount,
                             MoneyJson shippingTax, MoneyJson tax, MoneyJson total, MoneyJson net) {
    }

    /**
     * Tax at one rate.
     *
     * @param rate   the rate as a decimal fraction ({@code "0.19"})
     * @param amount the tax
     */
    @Schema(name = "TaxAmount")
    public record TaxJson(String rate, MoneyJson amount) {
    }

    /**
     * One promotion's result.
     *
     * @param promotionId the promotion
     * @param code        its code, or null for an automatic one
     * @param result      APPLIED, CAPPED, CONDITION_NOT_MET, CODE_NOT_APPLIED, EXCLUDED, ...
     * @param amount      the discount it gives (zero when not applied)
     * @param reason      why it did not apply, or null
     * @param description the shop's words for it ("10 % off shoes"), or null
     */
    @Schema(name = "PromotionExplanation")
    public record PromotionJson(String promotionId, @Nullable String code, String result, MoneyJson amount,
                                @Nullable String reason, @Nullable String description) {
    }

    /**
     * A unit price that moved since the line was added.
     *
     * @param lineId   the line
     * @param sku      the product
     * @param previous the unit price when added
     * @param current  the unit price now
     */
    @Schema(name = "PriceChange")
    public record PriceChangeJson(String lineId, String sku, MoneyJson previous, MoneyJson current) {
    }

    /**
     * What the cart lacks to qualify.
     *
     * @param subject       PROMOTION or SHIPPING
     * @param id            the promotion id, or {@code shipping}
     * @param kind          AMOUNT or UNITS
     * @param missingAmount how much more to spend (AMOUNT), or null
     * @param missingUnits  how many more units (UNITS), or 0
     * @param description   the promotion's words, or null
     */
    @Schema(name = "Hint")
    public record HintJson(String subject, String id, String kind, @Nullable MoneyJson missingAmount,
                           long missingUnits, @Nullable String description) {
    }

    /**
     * The checkout hand-off.
     *
     * @param reservationId the stock reservation the order system takes over
     * @param redeemed      the promotion uses counted
     */
    @Schema(name = "CheckoutHandOff")
    public record CheckoutJson(String reservationId, List<String> redeemed) {
    }

    /**
     * A merge report.
     *
     * @param preview  whether nothing was changed
     * @param guestCartId the merged guest cart
     * @param lines    what happened to each sku
     * @param codes    the codes carried over
     */
    @Schema(name = "MergeReport")
    public record MergeJson(boolean preview, String guestCartId, List<MergeLineJson> lines, List<String> codes) {
    }

    /**
     * One sku in a merge.
     *
     * @param sku              the product
     * @param warehouse        where from
     * @param guestQuantity    units in the guest cart
     * @param customerQuantity units in the customer cart
     * @param resultQuantity   units after the merge
     * @param outcome          what happened
     * @param reason           why, when not merged as asked
     */
    @Schema(name = "MergeLine")
    public record MergeLineJson(String sku, String warehouse, int guestQuantity, int customerQuantity,
                                int resultQuantity, String outcome, @Nullable String reason) {
    }
}
