package fi.tilannekuva.status.api;

import java.util.List;

/**
 * A page of a list.
 *
 * @param page the page index, from 0
 * @param size the page size asked for
 * @param total how many items the whole list has
 * @param items the items of this page
 * @param <T> the item type
 */
public record PageView<T>(int page, int size, long total, List<T> items) {}
