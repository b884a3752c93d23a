"""What the linalg reference scripts share: the dtype codes of their manifests,
random test matrices, and how fixtures are stored (real arrays as NAME.npy,
complex ones as NAME_re.npy / NAME_im.npy in float64, which the C++ side's
.npy reader handles; tests/linalg/linalg_testing.hpp reads them back)."""

import csv

import numpy as np

# NumPy's type characters, as the manifests' dtype column ('F' / 'D' lower-cased).
DTYPES = {"f": np.float32, "d": np.float64, "c": np.complex64, "z": np.complex128}


def random_matrix(rng, dtype, n, m):
    """Standard normal n x m entries (real and imaginary parts for complex)."""
    x = rng.standard_normal((n, m))
    if np.issubdtype(dtype, np.complexfloating):
        x = x + 1j * rng.standard_normal((n, m))
    return x.astype(dtype)


def save(out_dir, name, array):
    """Writes array as out_dir/name.npy, or as name_re.npy and name_im.npy if complex."""
    array = np.asarray(array)
    if np.iscomplexobj(array):
        np.save(out_dir / f"{name}_re.npy", array.real.astype(np.float64))
        np.save(out_dir / f"{name}_im.npy", array.imag.astype(np.float64))
    else:
        np.save(out_dir / f"{name}.npy", array)


def save_float64(out_dir, name, array):
    """As save, with real arrays (integer indices included, exactly
    representable) converted to float64, the one real type the C++ side reads."""
    array = np.asarray(array)
    save(out_dir, name, array if np.iscomplexobj(array) else array.astype(np.float64))


# What the scripts write over a triangle that must not be read (plus the same
# imaginary part for complex matrices): a value that would change any answer.
IGNORED = 1.0e3


def with_ignored_triangle(a, lower):
    """A copy of the square a whose strict triangle opposite to `lower` holds IGNORED."""
    passed = a.copy()
    n = a.shape[0]
    passed[np.triu_indices(n, 1) if lower else np.tril_indices(n, -1)] = IGNORED + (1j * IGNORED if np.iscomplexobj(a)
                                                                                    else 0)
    return passed


def write_manifest(path, header, rows):
    """Writes a CSV manifest (one case a row, '\\n' line ends) that the C++ side reads."""
    with open(path, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def fresh_dir(out_dir):
    """Creates out_dir, or empties it of the .npy fixtures of an earlier run."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.npy"):
        old.unlink()
