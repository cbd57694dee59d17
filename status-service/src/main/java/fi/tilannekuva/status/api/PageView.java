package fi.tilannekuva.status.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of a list.
 *
 * @param page the page index, from 0
 * @param size the page size asked for
 * @param total how many items the whole list has
 * @param items the items of this page
 * @param <T> the item type
 */
@Schema(name = "Page", description = "A page of a list.")
public record PageView<T>(int page, int size, long total, List<T> items) {}
