"""NumPy reference for the knowledge-distillation benchmark.

Trains the same networks as `distill demo kd --sweep` on the same data,
split, batch size, epochs, loss and optimizer, and prints the times that
`cargo bench --bench kd` measures for distill, so the two can be set side
by side. NumPy is not a dependency of distill; run this by hand:

    python3 -m venv /tmp/kd-venv
    /tmp/kd-venv/bin/pip install numpy threadpoolctl
    /tmp/kd-venv/bin/python benches/kd_numpy.py [--threads N]
        [--distill target/release/distill --rounds 3]

With --distill, the script also times `distill demo kd --sweep --json`
and the NumPy sweep in alternating rounds, so both see the same machine
load, and reports the best wall-clock and CPU seconds of each.

Only the random streams differ from distill (NumPy's PCG64 instead of
ChaCha8), so accuracies agree in distribution, not digit for digit.
"""

import argparse
import gzip
import json
import math
import pathlib
import resource
import subprocess
import time

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

DATA = pathlib.Path(__file__).resolve().parent.parent / "data/digits/digits.csv.gz"
TEACHER = [64, 256, 256, 10]
STUDENT = [64, 16, 10]
EPOCHS = 30
BATCH = 32
LEARNING_RATE = 1e-3
BETA1, BETA2, EPSILON = 0.9, 0.999, 1e-8
ALPHA = 0.9
SWEEP = [1.0, 2.0, 3.0, 4.0, 8.0, 20.0]
SEEDS = [1, 2, 3, 4, 5]
OMITTED = 3
OMITTED_TEMPERATURE = 4.0


def load_split():
    """Returns (train_x, train_y, test_x, test_y): every fourth image of
    each class, in file order, is a test image."""
    rows = np.loadtxt(gzip.open(DATA, "rt"), delimiter=",", dtype=np.float32)
    images = rows[:, :64] / 16.0
    labels = rows[:, 64].astype(np.int64)
    test = np.zeros(len(labels), dtype=bool)
    for digit in range(10):
        test[np.flatnonzero(labels == digit)[3::4]] = True
    return images[~test], labels[~test], images[test], labels[test]


class Mlp:
    def __init__(self, widths, rng):
        self.weights, self.biases = [], []
        for fan_in, fan_out in zip(widths, widths[1:]):
            bound = math.sqrt(6.0 / fan_in)
            self.weights.append(
                rng.uniform(-bound, bound, (fan_in, fan_out)).astype(np.float32)
            )
            self.biases.append(np.zeros(fan_out, dtype=np.float32))

    def forward(self, x):
        inputs = []
        for w, b in zip(self.weights[:-1], self.biases[:-1]):
            inputs.append(x)
            x = np.maximum(x @ w + b, 0.0)
        inputs.append(x)
        return inputs, x @ self.weights[-1] + self.biases[-1]

    def logits(self, x):
        return self.forward(x)[1]

    def backward(self, inputs, grad):
        grads = []
        for layer in range(len(self.weights) - 1, -1, -1):
            grads.append((inputs[layer].T @ grad, grad.sum(axis=0)))
            if layer > 0:
                grad = grad @ self.weights[layer].T
                grad *= inputs[layer] > 0
        return grads[::-1]


class Adam:
    def __init__(self, mlp):
        params = mlp.weights + mlp.biases
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]
        self.steps = 0

    def step(self, mlp, grads):
        self.steps += 1
        rate = LEARNING_RATE * math.sqrt(1 - BETA2**self.steps) / (1 - BETA1**self.steps)
        params = mlp.weights + mlp.biases
        flat = [g for g, _ in grads] + [g for _, g in grads]
        for p, g, m, v in zip(params, flat, self.m, self.v):
            m *= BETA1
            m += (1 - BETA1) * g
            v *= BETA2
            v += (1 - BETA2) * g * g
            p -= rate * m / (np.sqrt(v) + EPSILON)


def log_softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def loss_grad(logits, labels, labelled, teacher, temperature, alpha):
    """Gradient of the mean distillation loss over the batch; `labelled`
    masks the rows whose label counts."""
    rows = len(logits)
    grad = np.zeros_like(logits)
    hard = 1.0 if teacher is None else 1.0 - alpha
    q = np.exp(log_softmax(logits))
    q[np.arange(rows), labels] -= 1.0
    grad += hard * q * labelled[:, None]
    if teacher is not None:
        p = np.exp(log_softmax(teacher / temperature))
        q_t = np.exp(log_softmax(logits / temperature))
        grad += alpha * temperature * (q_t - p)
    return grad / rows


def train(widths, x, y, labelled, teacher, temperature, alpha, seed, epoch_size):
    rng = np.random.default_rng(seed)
    mlp = Mlp(widths, rng)
    adam = Adam(mlp)
    steps = math.ceil(epoch_size / BATCH)
    order, position = np.arange(len(x)), len(x)
    for _ in range(EPOCHS):
        for _ in range(steps):
            batch = []
            while len(batch) < BATCH:
                if position == len(order):
                    rng.shuffle(order)
                    position = 0
                take = min(BATCH - len(batch), len(order) - position)
                batch.extend(order[position : position + take])
                position += take
            rows = np.array(batch)
            inputs, logits = mlp.forward(x[rows])
            soft = None if teacher is None else teacher[rows]
            grad = loss_grad(logits, y[rows], labelled[rows], soft, temperature, alpha)
            adam.step(mlp, mlp.backward(inputs, grad))
    return mlp


def accuracy(mlp, x, y):
    return float((mlp.logits(x).argmax(axis=1) == y).mean())


def omitted_class(train_x, train_y, test_x, test_y, teacher_logits, seed):
    keep = train_y != OMITTED
    ones = np.ones(keep.sum(), dtype=np.float32)
    student = train(STUDENT, train_x[keep], train_y[keep], ones, teacher_logits[keep],
                    OMITTED_TEMPERATURE, ALPHA, seed, len(train_x))
    threes = test_y == OMITTED
    before = accuracy(student, test_x[threes], test_y[threes])
    logits = student.logits(train_x)
    best, best_correct = 0.0, -1
    for step in range(100):
        shifted = logits.copy()
        shifted[:, OMITTED] += step * 0.1
        correct = int((shifted.argmax(axis=1) == train_y).sum())
        if correct > best_correct:
            best, best_correct = step * 0.1, correct
    student.biases[-1][OMITTED] += best
    return before, accuracy(student, test_x[threes], test_y[threes])


def sweep(train_x, train_y, test_x, test_y):
    every = np.ones(len(train_x), dtype=np.float32)
    teacher = train(TEACHER, train_x, train_y, every, None, 1.0, 0.0, SEEDS[0], len(train_x))
    teacher_logits = teacher.logits(train_x)
    results = {"teacher": accuracy(teacher, test_x, test_y), "alone": [], "omitted": []}
    results.update({f"T={t}": [] for t in SWEEP})
    for seed in SEEDS:
        alone = train(STUDENT, train_x, train_y, every, None, 1.0, 0.0, seed, len(train_x))
        results["alone"].append(accuracy(alone, test_x, test_y))
        for t in SWEEP:
            student = train(STUDENT, train_x, train_y, every, teacher_logits, t, ALPHA,
                            seed, len(train_x))
            results[f"T={t}"].append(accuracy(student, test_x, test_y))
        results["omitted"].append(
            omitted_class(train_x, train_y, test_x, test_y, teacher_logits, seed))
    return results


def best_time(function, repeats):
    """Returns the best and median wall-clock seconds and the best CPU
    seconds of this process over `repeats` calls. CPU time is the fairer
    figure on a shared machine, where other jobs stretch the wall clock."""
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {"best": min(walls), "median": float(np.median(walls)), "best_cpu": min(cpus)}


def one_thread(function):
    with threadpool_limits(limits=1):
        return function()


def gemm_rate(m, k, n, repeats=50):
    """Returns GFLOP/s of an m x k by k x n float32 product, from the best
    wall-clock time of `repeats` products."""
    a = np.random.default_rng(0).random((m, k), dtype=np.float32)
    b = np.random.default_rng(1).random((k, n), dtype=np.float32)
    best = best_time(lambda: a @ b, repeats)["best"]
    return 2 * m * k * n / best / 1e9


def gemm_cpu_rate(m, k, n, repeats=50):
    """Returns GFLOP/s of the same product on one thread, from its mean CPU
    time over `repeats` products, as the Rust benchmark's `kd_cpu` group
    measures."""
    a = np.random.default_rng(0).random((m, k), dtype=np.float32)
    b = np.random.default_rng(1).random((k, n), dtype=np.float32)
    with threadpool_limits(limits=1):
        start = time.process_time()
        for _ in range(repeats):
            a @ b
        seconds = (time.process_time() - start) / repeats
    return 2 * m * k * n / seconds / 1e9


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, help="BLAS threads [default: the library's]")
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats of each training")
    parser.add_argument("--distill", help="path of a release distill binary to compare")
    parser.add_argument("--rounds", type=int, default=3, help="alternating sweep rounds")
    args = parser.parse_args()
    with threadpool_limits(limits=args.threads):
        report = measure(args.repeats)
        if args.distill:
            report["sweep_rounds"] = compare_sweeps(args.distill, args.rounds)
    print(json.dumps(report, indent=2))


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def compare_sweeps(binary, rounds):
    """Times distill's sweep and the NumPy sweep in alternating rounds and
    returns the best wall-clock and CPU seconds of each."""
    data = load_split()
    times = {"distill_wall": [], "distill_cpu": [], "numpy_wall": [], "numpy_cpu": []}
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), children_cpu()
        subprocess.run([binary, "demo", "kd", "--sweep", "--json"], check=True,
                       stdout=subprocess.DEVNULL)
        times["distill_wall"].append(time.perf_counter() - wall)
        times["distill_cpu"].append(children_cpu() - cpu)
        wall, cpu = time.perf_counter(), time.process_time()
        sweep(*data)
        times["numpy_wall"].append(time.perf_counter() - wall)
        times["numpy_cpu"].append(time.process_time() - cpu)
    best = {key: min(values) for key, values in times.items()}
    best["wall_ratio"] = best["numpy_wall"] / best["distill_wall"]
    best["cpu_ratio"] = best["numpy_cpu"] / best["distill_cpu"]
    return best


def measure(repeats):
    train_x, train_y, test_x, test_y = load_split()
    every = np.ones(len(train_x), dtype=np.float32)
    teacher_logits = train(TEACHER, train_x, train_y, every, None, 1.0, 0.0, 1,
                           len(train_x)).logits(train_x)
    teacher = best_time(lambda: train(TEACHER, train_x, train_y, every, None, 1.0, 0.0, 1,
                                      len(train_x)), repeats)
    student = best_time(lambda: train(STUDENT, train_x, train_y, every, teacher_logits, 4.0,
                                      ALPHA, 1, len(train_x)), repeats)
    start, start_cpu = time.perf_counter(), time.process_time()
    results = sweep(train_x, train_y, test_x, test_y)
    sweep_seconds = time.perf_counter() - start
    sweep_cpu_seconds = time.process_time() - start_cpu
    return {
        "numpy": np.__version__,
        "blas": [{k: info.get(k) for k in ("internal_api", "version", "num_threads",
                                           "architecture")} for info in threadpool_info()],
        "gemm_512_gflops": gemm_rate(512, 512, 512),
        "gemm_512_gflops_one_thread": one_thread(lambda: gemm_rate(512, 512, 512)),
        "gemm_512_cpu_gflops_one_thread": gemm_cpu_rate(512, 512, 512),
        "gemm_teacher_32x256x256_gflops": gemm_rate(32, 256, 256, 2000),
        "teacher_30_epochs_seconds": teacher,
        "student_distilled_30_epochs_seconds": student,
        "sweep_seconds": sweep_seconds,
        "sweep_cpu_seconds": sweep_cpu_seconds,
        "accuracy": {
            "teacher": results["teacher"],
            **{k: float(np.mean(v)) for k, v in results.items() if k not in ("teacher", "omitted")},
            "omitted_before": float(np.mean([b for b, _ in results["omitted"]])),
            "omitted_after": float(np.mean([a for _, a in results["omitted"]])),
        },
    }


if __name__ == "__main__":
    main()
