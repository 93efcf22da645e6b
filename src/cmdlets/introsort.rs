//! .NET's unstable sort (ArraySortHelper's introspective sort), as `List<T>.Sort(comparer)` runs
//! it for Sort-Object without -Stable, -Top or -Bottom. Objects whose keys compare equal, and
//! keys whose comparisons are not consistent (`10, '9', 1`), end up in the order .NET leaves
//! them, which a stable sort would not give. Must not panic, whatever the comparer answers.

use std::cmp::Ordering;

/// Partitions of at most this many items are finished with an insertion sort.
const INSERTION_THRESHOLD: usize = 16;

pub fn introsort<T>(items: &mut [T], compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    if items.len() > 1 {
        let depth = 2 * (usize::BITS - items.len().leading_zeros());
        sort_range(items, depth as usize, compare);
    }
}

fn sort_range<T>(items: &mut [T], mut depth: usize, compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    let mut size = items.len();
    while size > 1 {
        if size <= INSERTION_THRESHOLD {
            match size {
                2 => swap_if_greater(items, 0, 1, compare),
                3 => {
                    swap_if_greater(items, 0, 1, compare);
                    swap_if_greater(items, 0, 2, compare);
                    swap_if_greater(items, 1, 2, compare);
                }
                _ => insertion_sort(&mut items[..size], compare),
            }
            return;
        }
        if depth == 0 {
            heap_sort(&mut items[..size], compare);
            return;
        }
        depth -= 1;
        let pivot = partition(&mut items[..size], compare);
        sort_range(&mut items[pivot + 1..size], depth, compare);
        size = pivot;
    }
}

fn swap_if_greater<T>(
    items: &mut [T],
    i: usize,
    j: usize,
    compare: &mut dyn FnMut(&T, &T) -> Ordering,
) {
    if compare(&items[i], &items[j]) == Ordering::Greater {
        items.swap(i, j);
    }
}

/// Median of three as the pivot, then Hoare partitioning; returns the pivot's final place.
fn partition<T>(items: &mut [T], compare: &mut dyn FnMut(&T, &T) -> Ordering) -> usize {
    let hi = items.len() - 1;
    let middle = hi / 2;
    swap_if_greater(items, 0, middle, compare);
    swap_if_greater(items, 0, hi, compare);
    swap_if_greater(items, middle, hi, compare);
    items.swap(middle, hi - 1);
    let pivot = hi - 1;
    let (mut left, mut right) = (0, hi - 1);
    while left < right {
        // The bounds stand in for .NET's sentinels, which an inconsistent comparer can pass.
        loop {
            left += 1;
            if left >= hi || compare(&items[left], &items[pivot]) != Ordering::Less {
                break;
            }
        }
        loop {
            if right == 0 {
                break;
            }
            right -= 1;
            if right == 0 || compare(&items[pivot], &items[right]) != Ordering::Less {
                break;
            }
        }
        if left >= right {
            break;
        }
        items.swap(left, right);
    }
    if left != hi - 1 {
        items.swap(left.min(hi - 1), hi - 1);
    }
    left.min(hi - 1)
}

fn insertion_sort<T>(items: &mut [T], compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    for i in 0..items.len() - 1 {
        let mut j = i + 1;
        while j > 0 && compare(&items[j], &items[j - 1]) == Ordering::Less {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

fn heap_sort<T>(items: &mut [T], compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    let n = items.len();
    for i in (1..=n / 2).rev() {
        down_heap(items, i, n, compare);
    }
    for i in (2..=n).rev() {
        items.swap(0, i - 1);
        down_heap(items, 1, i - 1, compare);
    }
}

/// Sifts the item at 1-based position `i` down a heap of `n` items.
fn down_heap<T>(
    items: &mut [T],
    mut i: usize,
    n: usize,
    compare: &mut dyn FnMut(&T, &T) -> Ordering,
) {
    while i <= n / 2 {
        let mut child = 2 * i;
        if child < n && compare(&items[child - 1], &items[child]) == Ordering::Less {
            child += 1;
        }
        if compare(&items[i - 1], &items[child - 1]) != Ordering::Less {
            break;
        }
        items.swap(i - 1, child - 1);
        i = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_a_sort() {
        for n in [0usize, 1, 2, 3, 5, 16, 17, 40, 300] {
            let mut v: Vec<u64> = (0..n as u64).map(|i| (i * 7919 + 13) % 101).collect();
            let mut expected = v.clone();
            expected.sort();
            introsort(&mut v, &mut |a, b| a.cmp(b));
            assert_eq!(v, expected, "n = {n}");
        }
    }

    #[test]
    fn ties_keep_dotnet_order_not_input_order() {
        // Three equal keys: .NET's three-item network leaves them as they came; 17 items go
        // through a partition, which moves equal keys around.
        let mut v: Vec<(u8, usize)> = (0..17).map(|i| (0u8, i)).collect();
        introsort(&mut v, &mut |a, b| a.0.cmp(&b.0));
        let order: Vec<usize> = v.iter().map(|p| p.1).collect();
        assert_ne!(order, (0..17).collect::<Vec<_>>());
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(sorted, (0..17).collect::<Vec<_>>());
    }

    #[test]
    fn inconsistent_comparer_does_not_panic() {
        let mut v: Vec<u32> = (0..200).collect();
        let mut flip = false;
        introsort(&mut v, &mut |_, _| {
            flip = !flip;
            if flip {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        });
        assert_eq!(v.len(), 200);
    }
}
