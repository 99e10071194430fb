;; Hand-written WebAssembly SIMD matrix multiply: C = op(A)·op(B), row-major float32 in and out.
;;
;; Same arithmetic as the TypeScript reference in engine/matmul.ts, lane for lane: every C[i, j] is
;; the sum over k = 0..K-1, ascending, of A[i, k]·B[k, j], each product and sum in float64 starting
;; at 0, rounded once to float32 at the end. A float32×float32 product is exact in float64, so the
;; two backends agree bit for bit and the engine may pick either per call (the KV cache relies on a
;; row giving the same bits alone or inside a bigger product).
;;
;; Why it is faster: the 4×4 output tile lives in eight f64x2 registers, so each step over k does
;; 2 loads of B, 4 splat loads of A and 8 vector multiply-adds (16 scalar ones) with no bounds
;; checks. Operands are first packed, already widened to float64, in the order the loop reads them.
;;
;; All pointers are byte offsets into the one exported memory; the caller lays out the regions.

(module
  (memory (export "memory") 1)

  ;; Four float32 at `src` -> four float64 at `dst` (two f64x2 stores).
  (func $widen4 (param $src i32) (param $dst i32)
    (local $v v128)
    (local.set $v (v128.load (local.get $src)))
    (v128.store (local.get $dst) (f64x2.promote_low_f32x4 (local.get $v)))
    (v128.store offset=16 (local.get $dst)
      (f64x2.promote_low_f32x4
        (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))))

  ;; Four float32 at src, src+stride, src+2·stride, src+3·stride -> four float64 at `dst`.
  (func $widen4Strided (param $src i32) (param $stride i32) (param $dst i32)
    (f64.store (local.get $dst) (f64.promote_f32 (f32.load (local.get $src))))
    (local.set $src (i32.add (local.get $src) (local.get $stride)))
    (f64.store offset=8 (local.get $dst) (f64.promote_f32 (f32.load (local.get $src))))
    (local.set $src (i32.add (local.get $src) (local.get $stride)))
    (f64.store offset=16 (local.get $dst) (f64.promote_f32 (f32.load (local.get $src))))
    (local.set $src (i32.add (local.get $src) (local.get $stride)))
    (f64.store offset=24 (local.get $dst) (f64.promote_f32 (f32.load (local.get $src)))))

  ;; Packs the first N4 columns of B as [N4/4][K][4] float64 at `pb`.
  ;; b: [K, N], or [N, K] when transB.
  (func $packB (param $b i32) (param $pb i32) (param $K i32) (param $N i32) (param $N4 i32) (param $transB i32)
    (local $j i32) (local $k i32) (local $src i32)
    (block $doneJ
      (loop $nextJ
        (br_if $doneJ (i32.ge_u (local.get $j) (local.get $N4)))
        (local.set $k (i32.const 0))
        (block $doneK
          (loop $nextK
            (br_if $doneK (i32.ge_u (local.get $k) (local.get $K)))
            (if (local.get $transB)
              (then
                ;; column j+c of op(B) is row j+c of the stored [N, K] matrix
                (call $widen4Strided
                  (i32.add (local.get $b) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $K)) (local.get $k)) (i32.const 2)))
                  (i32.shl (local.get $K) (i32.const 2))
                  (local.get $pb)))
              (else
                (call $widen4
                  (i32.add (local.get $b) (i32.shl (i32.add (i32.mul (local.get $k) (local.get $N)) (local.get $j)) (i32.const 2)))
                  (local.get $pb))))
            (local.set $pb (i32.add (local.get $pb) (i32.const 32)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $nextK)))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $nextJ))))

  ;; Packs rows i..i+3 of op(A) as [K][4] float64 at `pa`. a: [M, K], or [K, M] when transA.
  (func $packA (param $a i32) (param $pa i32) (param $i i32) (param $M i32) (param $K i32) (param $transA i32)
    (local $k i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $K)))
        (if (local.get $transA)
          (then
            (call $widen4
              (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $k) (local.get $M)) (local.get $i)) (i32.const 2)))
              (local.get $pa)))
          (else
            (call $widen4Strided
              (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $K)) (local.get $k)) (i32.const 2)))
              (i32.shl (local.get $K) (i32.const 2))
              (local.get $pa))))
        (local.set $pa (i32.add (local.get $pa) (i32.const 32)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next))))

  ;; Two f64x2 (four doubles) rounded to float32 and stored as one f32x4 at `dst`.
  (func $store4 (param $dst i32) (param $lo v128) (param $hi v128)
    (v128.store (local.get $dst)
      (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        (f32x4.demote_f64x2_zero (local.get $lo))
        (f32x4.demote_f64x2_zero (local.get $hi)))))

  ;; The 4×4 tile C[i..i+3, j..j+3] from packed panels: pa [K][4], pbj [K][4] (column block j/4).
  (func $tile (param $pa i32) (param $pbj i32) (param $K i32) (param $c i32) (param $rowBytes i32)
    (local $end i32) (local $b01 v128) (local $b23 v128) (local $x v128)
    (local $c00 v128) (local $c02 v128) (local $c10 v128) (local $c12 v128)
    (local $c20 v128) (local $c22 v128) (local $c30 v128) (local $c32 v128)
    (local.set $end (i32.add (local.get $pa) (i32.shl (local.get $K) (i32.const 5))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $pa) (local.get $end)))
        (local.set $b01 (v128.load (local.get $pbj)))
        (local.set $b23 (v128.load offset=16 (local.get $pbj)))
        (local.set $x (v128.load64_splat (local.get $pa)))
        (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b01))))
        (local.set $c02 (f64x2.add (local.get $c02) (f64x2.mul (local.get $x) (local.get $b23))))
        (local.set $x (v128.load64_splat offset=8 (local.get $pa)))
        (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b01))))
        (local.set $c12 (f64x2.add (local.get $c12) (f64x2.mul (local.get $x) (local.get $b23))))
        (local.set $x (v128.load64_splat offset=16 (local.get $pa)))
        (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b01))))
        (local.set $c22 (f64x2.add (local.get $c22) (f64x2.mul (local.get $x) (local.get $b23))))
        (local.set $x (v128.load64_splat offset=24 (local.get $pa)))
        (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b01))))
        (local.set $c32 (f64x2.add (local.get $c32) (f64x2.mul (local.get $x) (local.get $b23))))
        (local.set $pa (i32.add (local.get $pa) (i32.const 32)))
        (local.set $pbj (i32.add (local.get $pbj) (i32.const 32)))
        (br $next)))
    (call $store4 (local.get $c) (local.get $c00) (local.get $c02))
    (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
    (call $store4 (local.get $c) (local.get $c10) (local.get $c12))
    (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
    (call $store4 (local.get $c) (local.get $c20) (local.get $c22))
    (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
    (call $store4 (local.get $c) (local.get $c30) (local.get $c32)))

  ;; One leftover column j for the four packed rows of A: C[i..i+3, j].
  (func $edgeColumn (param $pa i32) (param $b i32) (param $K i32) (param $N i32) (param $j i32) (param $transB i32) (param $c i32) (param $rowBytes i32)
    (local $end i32) (local $src i32) (local $step i32) (local $y v128) (local $lo v128) (local $hi v128)
    ;; walk op(B)'s column j: stride 1 in a stored [N, K], stride N in a stored [K, N]
    (if (local.get $transB)
      (then
        (local.set $src (i32.add (local.get $b) (i32.shl (i32.mul (local.get $j) (local.get $K)) (i32.const 2))))
        (local.set $step (i32.const 4)))
      (else
        (local.set $src (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $step (i32.shl (local.get $N) (i32.const 2)))))
    (local.set $end (i32.add (local.get $pa) (i32.shl (local.get $K) (i32.const 5))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $pa) (local.get $end)))
        (local.set $y (f64x2.splat (f64.promote_f32 (f32.load (local.get $src)))))
        (local.set $lo (f64x2.add (local.get $lo) (f64x2.mul (v128.load (local.get $pa)) (local.get $y))))
        (local.set $hi (f64x2.add (local.get $hi) (f64x2.mul (v128.load offset=16 (local.get $pa)) (local.get $y))))
        (local.set $pa (i32.add (local.get $pa) (i32.const 32)))
        (local.set $src (i32.add (local.get $src) (local.get $step)))
        (br $next)))
    (f32.store (local.get $c) (f32.demote_f64 (f64x2.extract_lane 0 (local.get $lo))))
    (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
    (f32.store (local.get $c) (f32.demote_f64 (f64x2.extract_lane 1 (local.get $lo))))
    (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
    (f32.store (local.get $c) (f32.demote_f64 (f64x2.extract_lane 0 (local.get $hi))))
    (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
    (f32.store (local.get $c) (f32.demote_f64 (f64x2.extract_lane 1 (local.get $hi)))))

  ;; One output row i without packing (M < 4, or the last M mod 4 rows): C[i, 0..N-1].
  (func $singleRow (param $a i32) (param $b i32) (param $i i32) (param $M i32) (param $K i32) (param $N i32) (param $c i32) (param $transA i32) (param $transB i32)
    (local $aBase i32) (local $aStep i32) (local $j i32) (local $k i32) (local $ak i32) (local $bk i32)
    (local $x v128) (local $v v128) (local $lo v128) (local $hi v128) (local $s f64)
    (if (local.get $transA)
      (then
        (local.set $aBase (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 2))))
        (local.set $aStep (i32.shl (local.get $M) (i32.const 2))))
      (else
        (local.set $aBase (i32.add (local.get $a) (i32.shl (i32.mul (local.get $i) (local.get $K)) (i32.const 2))))
        (local.set $aStep (i32.const 4))))
    (local.set $c (i32.add (local.get $c) (i32.shl (i32.mul (local.get $i) (local.get $N)) (i32.const 2))))
    (if (i32.eqz (local.get $transB))
      (then
        ;; four columns at a time: row k of a stored [K, N] B is contiguous
        (block $done4
          (loop $next4
            (br_if $done4 (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $N)))
            (local.set $lo (v128.const i64x2 0 0))
            (local.set $hi (v128.const i64x2 0 0))
            (local.set $ak (local.get $aBase))
            (local.set $bk (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $k (i32.const 0))
            (block $doneK
              (loop $nextK
                (br_if $doneK (i32.ge_u (local.get $k) (local.get $K)))
                (local.set $x (f64x2.splat (f64.promote_f32 (f32.load (local.get $ak)))))
                (local.set $v (v128.load (local.get $bk)))
                (local.set $lo (f64x2.add (local.get $lo) (f64x2.mul (local.get $x) (f64x2.promote_low_f32x4 (local.get $v)))))
                (local.set $hi (f64x2.add (local.get $hi) (f64x2.mul (local.get $x)
                  (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))))
                (local.set $ak (i32.add (local.get $ak) (local.get $aStep)))
                (local.set $bk (i32.add (local.get $bk) (i32.shl (local.get $N) (i32.const 2))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $nextK)))
            (call $store4 (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 2))) (local.get $lo) (local.get $hi))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $next4)))))
    ;; remaining columns (all of them when transB): one scalar dot product each
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $N)))
        (local.set $s (f64.const 0))
        (local.set $ak (local.get $aBase))
        (if (local.get $transB)
          (then (local.set $bk (i32.add (local.get $b) (i32.shl (i32.mul (local.get $j) (local.get $K)) (i32.const 2)))))
          (else (local.set $bk (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))))
        (local.set $k (i32.const 0))
        (block $doneK
          (loop $nextK
            (br_if $doneK (i32.ge_u (local.get $k) (local.get $K)))
            (local.set $s (f64.add (local.get $s)
              (f64.mul (f64.promote_f32 (f32.load (local.get $ak))) (f64.promote_f32 (f32.load (local.get $bk))))))
            (local.set $ak (i32.add (local.get $ak) (local.get $aStep)))
            (if (local.get $transB)
              (then (local.set $bk (i32.add (local.get $bk) (i32.const 4))))
              (else (local.set $bk (i32.add (local.get $bk) (i32.shl (local.get $N) (i32.const 2))))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $nextK)))
        (f32.store (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 2))) (f32.demote_f64 (local.get $s)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $next))))

  ;; C = op(A)·op(B), C: [M, N]. Byte offsets: a, b, c (float32), pa (32·K bytes), pb (8·K·N4 bytes).
  (func (export "gemm") (param $a i32) (param $b i32) (param $c i32) (param $pa i32) (param $pb i32)
    (param $M i32) (param $K i32) (param $N i32) (param $transA i32) (param $transB i32)
    (local $M4 i32) (local $N4 i32) (local $i i32) (local $j i32) (local $rowBytes i32) (local $rowC i32)
    (local.set $M4 (if (result i32) (i32.ge_u (local.get $M) (i32.const 4))
      (then (i32.and (local.get $M) (i32.const -4))) (else (i32.const 0))))
    (local.set $N4 (i32.and (local.get $N) (i32.const -4)))
    (local.set $rowBytes (i32.shl (local.get $N) (i32.const 2)))
    (if (local.get $M4)
      (then
        (call $packB (local.get $b) (local.get $pb) (local.get $K) (local.get $N) (local.get $N4) (local.get $transB))
        (block $doneI
          (loop $nextI
            (br_if $doneI (i32.ge_u (local.get $i) (local.get $M4)))
            (call $packA (local.get $a) (local.get $pa) (local.get $i) (local.get $M) (local.get $K) (local.get $transA))
            (local.set $rowC (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $rowBytes))))
            (local.set $j (i32.const 0))
            (block $doneJ
              (loop $nextJ
                (br_if $doneJ (i32.ge_u (local.get $j) (local.get $N4)))
                (call $tile (local.get $pa)
                  (i32.add (local.get $pb) (i32.shl (i32.mul (local.get $j) (local.get $K)) (i32.const 3)))
                  (local.get $K)
                  (i32.add (local.get $rowC) (i32.shl (local.get $j) (i32.const 2)))
                  (local.get $rowBytes))
                (local.set $j (i32.add (local.get $j) (i32.const 4)))
                (br $nextJ)))
            (block $doneEdge
              (loop $nextEdge
                (br_if $doneEdge (i32.ge_u (local.get $j) (local.get $N)))
                (call $edgeColumn (local.get $pa) (local.get $b) (local.get $K) (local.get $N) (local.get $j) (local.get $transB)
                  (i32.add (local.get $rowC) (i32.shl (local.get $j) (i32.const 2)))
                  (local.get $rowBytes))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $nextEdge)))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $nextI)))))
    (local.set $i (local.get $M4))
    (block $doneRows
      (loop $nextRow
        (br_if $doneRows (i32.ge_u (local.get $i) (local.get $M)))
        (call $singleRow (local.get $a) (local.get $b) (local.get $i) (local.get $M) (local.get $K) (local.get $N)
          (local.get $c) (local.get $transA) (local.get $transB))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $nextRow))))
)
