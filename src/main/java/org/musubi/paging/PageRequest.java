package org.musubi.paging;

/** A 1-based page number and a page size, clamped to sane bounds. */
public record PageRequest(int number, int size) {

    public static final int MAX_SIZE = 200;

    public PageRequest {
        number = Math.max(1, number);
        size = Math.min(MAX_SIZE, Math.max(1, size));
    }

    public static PageRequest of(Integer number, Integer size) {
        return new PageRequest(number == null ? 1 : number, size == null ? 20 : size);
    }

    public long offset() {
        return (long) (number - 1) * size;
    }
}
