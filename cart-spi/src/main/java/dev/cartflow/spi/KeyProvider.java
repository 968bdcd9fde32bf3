package dev.cartflow.spi;

import java.util.Optional;

/**
 * The keys of encryption at rest, by id: which key new writes use, and any key that data may still
 * be encrypted with. Keys rotate without rewriting stored data at once: a new current key is used
 * for new writes, and every stored envelope names the key it was sealed with, so older keys stay
 * readable until the key rotation job has re-encrypted what they sealed.
 *
 * <p>Keys are AES keys of 16, 24 or 32 bytes. Key ids are 1 to 64 ASCII letters, digits, {@code -},
 * {@code _} or {@code .}; they are stored in clear beside the ciphertext, so they must not be
 * secrets themselves.
 *
 * <p>Implementations are thread-safe: the engine asks from any number of threads at once, on every
 * read and write of an encrypted field, so an implementation that fetches keys from a key
 * management service should cache them. A failure to answer is reported as a {@code CartException}
 * with {@code PROVIDER_UNAVAILABLE} or as any unchecked exception (the engine maps it to
 * {@code PROVIDER_UNAVAILABLE}).
 */
public interface KeyProvider {
    /**
     * The id of the key that new writes are encrypted with.
     *
     * @return a key id that {@link #key} knows
     */
    String currentKeyId();

    /**
     * The key material with this id.
     *
     * @param keyId a key id, as stored in an envelope
     * @return a fresh copy of the key bytes (the caller may clear it), or empty when the key is
     *         unknown (never issued, or retired)
     */
    Optional<byte[]> key(String keyId);
}
