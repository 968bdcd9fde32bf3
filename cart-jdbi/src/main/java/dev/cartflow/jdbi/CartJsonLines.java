package dev.cartflow.jdbi;

import dev.cartflow.core.codec.CartCodec;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Bulk export and import of carts as JSON lines: one cart snapshot per line (its lines, codes and
 * metadata; not its events), in cart id order, in cart-core's {@link CartCodec} with verbose keys.
 * Import also reads the compact key set and the unversioned lines exported by earlier releases.
 *
 * <p>Export pages through the carts by id ({@link #batchSize} per query). Import reads
 * {@link #batchSize} lines, then writes them in one transaction: a cart is inserted when absent and
 * replaces the stored one only when its version is higher; a stored cart with a higher or equal
 * version is skipped. Importing the same file twice therefore changes nothing the second time, and
 * an import that stopped half way can simply be run again. A malformed line fails the import with
 * {@code INVALID_INPUT} naming the line, before anything of its batch is written.
 *
 * <pre>{@code
 * CartJsonLines jsonLines = CartJsonLines.of(repository);
 * try (Writer out = Files.newBufferedWriter(path)) { jsonLines.exportTo(out); }
 * try (Reader in = Files.newBufferedReader(path)) { CartJsonLines.ImportResult r = jsonLines.importFrom(in); }
 * }</pre>
 */
public final class CartJsonLines {
    /** Carts per query or transaction unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private final Jdbi jdbi;
    private final int batchSize;

    private CartJsonLines(Jdbi jdbi, int batchSize) {
        this.jdbi = jdbi;
        this.batchSize = batchSize;
    }

    /**
     * Import and export on the repository's primary database, {@value #DEFAULT_BATCH_SIZE} carts per batch.
     *
     * @param repository the repository
     * @return the tool
     */
    public static CartJsonLines of(JdbiCartRepository repository) {
        return of(repository, DEFAULT_BATCH_SIZE);
    }

    /**
     * Import and export with a batch size.
     *
     * @param repository the repository
     * @param batchSize  carts per query or transaction, 1 to 10,000
     * @return the tool
     */
    public static CartJsonLines of(JdbiCartRepository repository, int batchSize) {
        if (repository == null) {
            throw CartException.invalidInput("repository must not be null");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw CartException.invalidInput("batch size must be between 1 and 10000");
        }
        return new CartJsonLines(repository.primary(), batchSize);
    }

    /**
     * The batch size.
     *
     * @return carts per query or transaction
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Writes every cart, one JSON object per line, in cart id order.
     *
     * @param out where to write; not closed
     * @return the number of carts written
     * @throws CartException {@code PROVIDER_UNAVAILABLE} when the database or the writer fails
     */
    public long exportTo(Writer out) {
        long count = 0;
        CartId after = null;
        while (true) {
            CartId from = after;
            List<Cart> page = Failures.translate("export carts",
                    () -> jdbi.withHandle(h -> CartStore.page(h, from, batchSize)));
            try {
                for (Cart cart : page) {
                    out.write(toJson(cart));
                    out.write('\n');
                }
                out.flush();
            } catch (IOException e) {
                throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "cannot write the export", e);
            }
            count += page.size();
            if (page.size() < batchSize) {
                return count;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /**
     * Reads carts written by {@link #exportTo} and stores those that are new or newer.
     *
     * @param in JSON lines; blank lines are ignored; not closed
     * @return how many carts were written and skipped
     * @throws CartException {@code INVALID_INPUT} for a malformed line, {@code PROVIDER_UNAVAILABLE}
     *                       when the database or the reader fails
     */
    public ImportResult importFrom(Reader in) {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        long written = 0;
        long skipped = 0;
        long lineNumber = 0;
        List<Cart> batch = new ArrayList<>(batchSize);
        try {
            String line;
            while (true) {
                line = reader.readLine();
                if (line != null) {
                    lineNumber++;
                    if (line.isBlank()) {
                        continue;
                    }
                    batch.add(parseLine(line, lineNumber));
                }
                if (batch.size() == batchSize || line == null && !batch.isEmpty()) {
                    List<Cart> toWrite = List.copyOf(batch);
                    int n = Failures.translate("import carts",
                            () -> jdbi.inTransaction(h -> CartStore.upsertIfNewer(h, toWrite).size()));
                    written += n;
                    skipped += toWrite.size() - n;
                    batch.clear();
                }
                if (line == null) {
                    return new ImportResult(written, skipped);
                }
            }
        } catch (IOException e) {
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "cannot read the import", e);
        }
    }

    private static Cart parseLine(String line, long lineNumber) {
        try {
            return fromJson(line);
        } catch (CartException e) {
            // the codec maps every malformed line to INVALID_INPUT and a bug to INTERNAL
            throw new CartException(e.code(), "line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    /**
     * The outcome of an import.
     *
     * @param written carts inserted or replaced by a newer version
     * @param skipped carts already stored at the same or a higher version (or repeated in the input)
     */
    public record ImportResult(long written, long skipped) {
    }

    // ------------------------------------------------------------------------------ the format

    /** A cart as one export line: cart-core's one codec with its verbose keys. */
    static String toJson(Cart cart) {
        return CartCodec.write(cart, CartCodec.Keys.VERBOSE);
    }

    /** A cart from a line in any format the codec reads (also the unversioned lines of earlier releases). */
    static Cart fromJson(String text) {
        return CartCodec.read(text);
    }
}
