"""The self-checks' text, in English and Korean (한국어): verdicts and hints, notebook by notebook.

The concept: what :mod:`bayeslearn.exercises` tells a reader who checks an answer in the
exercises of notebooks 01 to 08 ("✓ right", "✗ not yet" and the hint). One entry per message,
keyed by its English text; :func:`bayeslearn.i18n.tr` looks a message up in this catalogue and in
:mod:`bayeslearn.messages` (the figures' and widgets' text). Korean terms are those of
docs/glossary.md; tests/test_i18n.py checks both catalogues against the ``tr`` calls.
"""

from __future__ import annotations

EXERCISE_MESSAGES: dict[str, dict[str, str]] = {
    # --- The self-checks' verdicts (bayeslearn.exercises)
    "Exercise {number}": {
        "en": "Exercise {number}",
        "ko": "연습 문제 {number}",
    },
    "✓ {name}: right.": {
        "en": "✓ {name}: right.",
        "ko": "✓ {name}: 맞습니다.",
    },
    "✗ {name}: not yet. Hint: {hint}": {
        "en": "✗ {name}: not yet. Hint: {hint}",
        "ko": "✗ {name}: 아직 아닙니다. 힌트: {hint}",
    },
    # --- The self-checks' hints, notebook by notebook (bayeslearn.exercises.nb01 ... nb08)
    "it is k log θ + (n − k) log(1 − θ) with natural logs; it is negative and large.": {
        "en": "it is k log θ + (n − k) log(1 − θ) with natural logs; it is negative and large.",
        "ko": "k log θ + (n − k) log(1 − θ)를 자연로그로 계산합니다. 값은 음수이고 절댓값이 큽니다.",
    },
    "the law of large numbers turns k/n into the true θ: average θ_true log θ + (1 − θ_true) log(1 − θ) — a negative cross-entropy.": {
        "en": "the law of large numbers turns k/n into the true θ: average θ_true log θ + (1 − θ_true) log(1 − θ) — a negative cross-entropy.",
        "ko": "큰수의 법칙에 따라 k/n은 참 θ로 다가갑니다. θ_true log θ + (1 − θ_true) log(1 − θ)를 평균하면 음의 교차 엔트로피가 됩니다.",
    },
    "the product is 2^-n; redo the np.cumprod experiment of section 2 with dtype=np.float32, or compare with np.finfo(np.float32).smallest_subnormal.": {
        "en": "the product is 2^-n; redo the np.cumprod experiment of section 2 with dtype=np.float32, or compare with np.finfo(np.float32).smallest_subnormal.",
        "ko": "곱은 2^-n입니다. 2절의 np.cumprod 실험을 dtype=np.float32로 다시 해 보거나 np.finfo(np.float32).smallest_subnormal과 비교해 보세요.",
    },
    "set the derivative of k log θ + (n − k) log(1 − θ) to zero and solve for θ.": {
        "en": "set the derivative of k log θ + (n − k) log(1 − θ) to zero and solve for θ.",
        "ko": "k log θ + (n − k) log(1 − θ)의 도함수가 영이 되는 θ를 구하세요.",
    },
    "check the sign: a log of a probability is never positive.": {
        "en": "check the sign: a log of a probability is never positive.",
        "ko": "부호를 확인하세요. 확률의 로그는 양수가 될 수 없습니다.",
    },
    "the standard deviation is √(θ(1 − θ)/n): it shrinks like one over the square root of n, not like one over n.": {
        "en": "the standard deviation is √(θ(1 − θ)/n): it shrinks like one over the square root of n, not like one over n.",
        "ko": "표준편차는 √(θ(1 − θ)/n)입니다. n에 반비례하는 것이 아니라 n의 제곱근에 반비례하여 줄어듭니다.",
    },
    "check the sign: the average log-likelihood is minus the cross-entropy.": {
        "en": "check the sign: the average log-likelihood is minus the cross-entropy.",
        "ko": "부호를 확인하세요. 평균 로그 가능도는 교차 엔트로피에 음의 부호를 붙인 값입니다.",
    },
    "that is float64; {hint}": {
        "en": "that is float64; {hint}",
        "ko": "float64일 때의 답입니다. {hint}",
    },
    "0.7 is k/n, the MLE. Add the prior's pseudo-counts: the mode of Beta(α, β) is (α − 1)/(α + β − 2) with α = k + a, β = n − k + b.": {
        "en": "0.7 is k/n, the MLE. Add the prior's pseudo-counts: the mode of Beta(α, β) is (α − 1)/(α + β − 2) with α = k + a, β = n − k + b.",
        "ko": "0.7은 k/n, 즉 최대 가능도 추정값입니다. 사전분포의 가상 관측 수를 더하세요. Beta(α, β)의 최빈값은 α = k + a, β = n − k + b일 때 (α − 1)/(α + β − 2)입니다.",
    },
    "the posterior is Beta(k + a, n − k + b); its mode is (k + a − 1)/(n + a + b − 2). Answer with a probability between 0 and 1.": {
        "en": "the posterior is Beta(k + a, n − k + b); its mode is (k + a − 1)/(n + a + b − 2). Answer with a probability between 0 and 1.",
        "ko": "사후분포는 Beta(k + a, n − k + b)이고 그 최빈값은 (k + a − 1)/(n + a + b − 2)입니다. 0과 1 사이의 확률로 답하세요.",
    },
    "3 is the sample mean (the MLE). Weigh it against the prior mean 0 by precisions: the prior has precision 1/τ², the data n/σ².": {
        "en": "3 is the sample mean (the MLE). Weigh it against the prior mean 0 by precisions: the prior has precision 1/τ², the data n/σ².",
        "ko": "3은 표본평균(최대 가능도 추정값)입니다. 이를 사전 평균 0과 정밀도로 가중하세요. 사전분포의 정밀도는 1/τ², 데이터의 정밀도는 n/σ²입니다.",
    },
    "μ_MAP = (μ₀/τ² + n·ȳ/σ²) / (1/τ² + n/σ²); check that you used σ² = 4, not σ = 2, and n = 4.": {
        "en": "μ_MAP = (μ₀/τ² + n·ȳ/σ²) / (1/τ² + n/σ²); check that you used σ² = 4, not σ = 2, and n = 4.",
        "ko": "μ_MAP = (μ₀/τ² + n·ȳ/σ²) / (1/τ² + n/σ²)입니다. σ = 2가 아니라 σ² = 4를, 그리고 n = 4를 썼는지 확인하세요.",
    },
    "0 is the plug-in MLE, which calls a head impossible. Average over the posterior under the uniform prior Beta(1, 1) instead.": {
        "en": "0 is the plug-in MLE, which calls a head impossible. Average over the posterior under the uniform prior Beta(1, 1) instead.",
        "ko": "0은 플러그인 최대 가능도 추정값으로, 앞면이 나올 수 없다고 말합니다. 대신 균등 사전분포 Beta(1, 1) 아래에서 사후분포에 대해 평균하세요.",
    },
    "Laplace's rule adds one imaginary head and one imaginary tail: (k + 1)/(n + 2).": {
        "en": "Laplace's rule adds one imaginary head and one imaginary tail: (k + 1)/(n + 2).",
        "ko": "라플라스의 계승 규칙은 가상의 앞면 하나와 가상의 뒷면 하나를 더합니다: (k + 1)/(n + 2).",
    },
    "1 is the prior's σ: the data add precision. At the MAP, 1/s² = n·σ(η)·σ(−η) + 1/τ², and σ(0) = 1/2.": {
        "en": "1 is the prior's σ: the data add precision. At the MAP, 1/s² = n·σ(η)·σ(−η) + 1/τ², and σ(0) = 1/2.",
        "ko": "1은 사전분포의 σ입니다. 데이터가 정밀도를 더합니다. 최대 사후 확률 추정값에서 1/s² = n·σ(η)·σ(−η) + 1/τ²이고 σ(0) = 1/2입니다.",
    },
    "that is the variance s²; the question asks for the standard deviation s.": {
        "en": "that is the variance s²; the question asks for the standard deviation s.",
        "ko": "입력한 값은 분산 s²입니다. 문제는 표준편차 s를 묻습니다.",
    },
    "1/s² = n·σ(η)·σ(−η) + 1/τ² at η = 0, where σ(0)·σ(−0) = 1/4. Then take 1/√(…).": {
        "en": "1/s² = n·σ(η)·σ(−η) + 1/τ² at η = 0, where σ(0)·σ(−0) = 1/4. Then take 1/√(…).",
        "ko": "η = 0에서 1/s² = n·σ(η)·σ(−η) + 1/τ²이고, 여기서 σ(0)·σ(−0) = 1/4입니다. 그다음 1/√(…)을 구하세요.",
    },
    "λ = σ²/τ²: square both scales, then divide noise by prior.": {
        "en": "λ = σ²/τ²: square both scales, then divide noise by prior.",
        "ko": "λ = σ²/τ²입니다. 두 척도를 각각 제곱한 다음 잡음을 사전분포로 나누세요.",
    },
    "one feature: ŵ = Σ x_i y_i / (Σ x_i² + λ), with λ = σ²/τ² (not 0).": {
        "en": "one feature: ŵ = Σ x_i y_i / (Σ x_i² + λ), with λ = σ²/τ² (not 0).",
        "ko": "특성이 하나이면 ŵ = Σ x_i y_i / (Σ x_i² + λ)이고, λ = σ²/τ²입니다(0이 아닙니다).",
    },
    "scale the objective by N/σ²; then match N·wd/σ² · ‖w‖²/2 to ‖w‖²/(2τ²).": {
        "en": "scale the objective by N/σ²; then match N·wd/σ² · ‖w‖²/2 to ‖w‖²/(2τ²).",
        "ko": "목적 함수에 N/σ²을 곱한 다음 N·wd/σ² · ‖w‖²/2를 ‖w‖²/(2τ²)과 맞추세요.",
    },
    "at rest, λ·w_i cancels m̂_i/(√v̂_i + ε), which settles at ±1 when |g_i| ≫ ε.": {
        "en": "at rest, λ·w_i cancels m̂_i/(√v̂_i + ε), which settles at ±1 when |g_i| ≫ ε.",
        "ko": "정지 상태에서 λ·w_i는 m̂_i/(√v̂_i + ε)를 상쇄하며, 이 값은 |g_i| ≫ ε일 때 ±1에 머뭅니다.",
    },
    "six equally likely outcomes: H = −Σ p log₂ p with every p = 1/6.": {
        "en": "six equally likely outcomes: H = −Σ p log₂ p with every p = 1/6.",
        "ko": "같은 확률의 결과가 여섯 개입니다. 모든 p = 1/6으로 H = −Σ p log₂ p를 계산하세요.",
    },
    "sum p_i log₂(p_i / q_i) over the outcomes with p_i > 0 (terms with p_i = 0 are 0).": {
        "en": "sum p_i log₂(p_i / q_i) over the outcomes with p_i > 0 (terms with p_i = 0 are 0).",
        "ko": "p_i > 0인 결과에 대해 p_i log₂(p_i / q_i)를 더하세요(p_i = 0인 항은 0입니다).",
    },
    "p̃ is 1 − ε + ε/K on the true class, ε/K on the K − 1 others: take its entropy.": {
        "en": "p̃ is 1 − ε + ε/K on the true class, ε/K on the K − 1 others: take its entropy.",
        "ko": "p̃는 참 클래스에서 1 − ε + ε/K, 나머지 K − 1개 클래스에서 ε/K입니다. 그 엔트로피를 구하세요.",
    },
    "forward KL matches moments: variance = average component variance + variance of the means.": {
        "en": "forward KL matches moments: variance = average component variance + variance of the means.",
        "ko": "순방향 KL은 모멘트를 맞춥니다. 분산 = 성분 분산의 평균 + 평균들의 분산입니다.",
    },
    "the trailing class's probability is about e^(−g); it rounds to 0 once it is below half the smallest positive float16 number, 2^−24: solve e^(−g) = 2^−25 for g.": {
        "en": "the trailing class's probability is about e^(−g); it rounds to 0 once it is below half the smallest positive float16 number, 2^−24: solve e^(−g) = 2^−25 for g.",
        "ko": "뒤처진 클래스의 확률은 약 e^(−g)이며, 가장 작은 양의 float16 수 2^−24의 절반보다 작아지면 0으로 반올림됩니다. e^(−g) = 2^−25를 g에 대해 푸세요.",
    },
    "that is in nats (natural log); bits use log base 2.": {
        "en": "that is in nats (natural log); bits use log base 2.",
        "ko": "입력한 값은 내트(자연로그) 단위입니다. 비트는 밑이 2인 로그를 씁니다.",
    },
    "that is KL(q‖p), the other direction: the expectation is taken under p.": {
        "en": "that is KL(q‖p), the other direction: the expectation is taken under p.",
        "ko": "입력한 값은 반대 방향인 KL(q‖p)입니다. 기댓값은 p 아래에서 구합니다.",
    },
    "that is in bits; the losses are in nats (natural log).": {
        "en": "that is in bits; the losses are in nats (natural log).",
        "ko": "입력한 값은 비트 단위입니다. 손실은 내트(자연로그) 단위입니다.",
    },
    "that σ fits one mode (reverse KL); forward KL matches the mean and variance.": {
        "en": "that σ fits one mode (reverse KL); forward KL matches the mean and variance.",
        "ko": "그 σ는 모드 하나에 맞춘 값입니다(역방향 KL). 순방향 KL은 평균과 분산을 맞춥니다.",
    },
    "at that gap the probability is the smallest number itself; it rounds to 0 only below half of it.": {
        "en": "at that gap the probability is the smallest number itself; it rounds to 0 only below half of it.",
        "ko": "그 간격에서 확률은 가장 작은 수 자체입니다. 그 절반보다 작아져야 0으로 반올림됩니다.",
    },
    "that is the variance; σ is its square root.": {
        "en": "that is the variance; σ is its square root.",
        "ko": "입력한 값은 분산입니다. σ는 그 제곱근입니다.",
    },
    "that is where float16 leaves its normal numbers; it keeps subnormal numbers down to 2^−24 (unless the hardware flushes them to zero).": {
        "en": "that is where float16 leaves its normal numbers; it keeps subnormal numbers down to 2^−24 (unless the hardware flushes them to zero).",
        "ko": "입력한 값은 float16이 정규 수를 벗어나는 지점입니다. float16은 2^−24까지 비정규 수를 유지합니다(하드웨어가 이를 영으로 처리하지 않는 한).",
    },
    "that is where e^z overflows float16 in a softmax that skips the max-subtraction; the question is about the trailing class underflowing.": {
        "en": "that is where e^z overflows float16 in a softmax that skips the max-subtraction; the question is about the trailing class underflowing.",
        "ko": "입력한 값은 최댓값 빼기를 생략한 소프트맥스에서 e^z가 float16을 넘치는 지점입니다. 문제는 뒤처진 클래스의 언더플로에 관한 것입니다.",
    },
    "that is the float64 or float32 threshold; float16's smallest number is 2^−24.": {
        "en": "that is the float64 or float32 threshold; float16's smallest number is 2^−24.",
        "ko": "입력한 값은 float64나 float32의 경계입니다. float16의 가장 작은 수는 2^−24입니다.",
    },
    "the standard error is σ/√n: solve σ/√n' = 0.005 for n', using σ/√2000 = 0.02.": {
        "en": "the standard error is σ/√n: solve σ/√n' = 0.005 for n', using σ/√2000 = 0.02.",
        "ko": "표준오차는 σ/√n입니다. σ/√2000 = 0.02를 이용해 σ/√n' = 0.005를 n'에 대해 푸세요.",
    },
    "the MLE is k/n; score each training toss (a head) with −log θ̂ and average.": {
        "en": "the MLE is k/n; score each training toss (a head) with −log θ̂ and average.",
        "ko": "최대 가능도 추정값은 k/n입니다. 각 훈련 던지기(앞면)를 −log θ̂로 채점하고 평균하세요.",
    },
    "average −log p(x | θ) over x ~ Bernoulli(θ*): −θ* log θ − (1 − θ*) log(1 − θ), natural logs.": {
        "en": "average −log p(x | θ) over x ~ Bernoulli(θ*): −θ* log θ − (1 − θ*) log(1 − θ), natural logs.",
        "ko": "x ~ Bernoulli(θ*)에 대해 −log p(x | θ)를 평균하세요: −θ* log θ − (1 − θ*) log(1 − θ), 자연로그입니다.",
    },
    "the held-out loss is smallest where the predicted P(heads) (k + a)/(n + 2a) equals the held-out frequency of heads; set them equal and solve for a.": {
        "en": "the held-out loss is smallest where the predicted P(heads) (k + a)/(n + 2a) equals the held-out frequency of heads; set them equal and solve for a.",
        "ko": "검증 손실은 예측한 P(앞면) (k + a)/(n + 2a)가 검증 집합의 앞면 빈도와 같을 때 가장 작습니다. 둘을 같게 놓고 a에 대해 푸세요.",
    },
    "the error shrinks like 1/√n, not like 1/n: a four times smaller error needs more than four times the data.": {
        "en": "the error shrinks like 1/√n, not like 1/n: a four times smaller error needs more than four times the data.",
        "ko": "오차는 1/n이 아니라 1/√n처럼 줄어듭니다. 오차를 네 배 줄이려면 데이터가 네 배보다 더 많이 필요합니다.",
    },
    "∞ is what a TAIL would cost; the training set has no tails. Score each training toss with θ̂.": {
        "en": "∞ is what a TAIL would cost; the training set has no tails. Score each training toss with θ̂.",
        "ko": "∞는 뒷면 하나가 치르는 값입니다. 훈련 집합에는 뒷면이 없습니다. 각 훈련 던지기를 θ̂로 채점하세요.",
    },
    "the two θs are swapped: the data (the expectation) come from θ* = 0.6, the log from the model.": {
        "en": "the two θs are swapped: the data (the expectation) come from θ* = 0.6, the log from the model.",
        "ko": "두 θ가 뒤바뀌었습니다. 데이터(기댓값)는 θ* = 0.6에서, 로그는 모델에서 옵니다.",
    },
    "a = 1 is Laplace's rule, chosen before seeing the held-out set; find the a whose prediction matches the held-out frequency 19/20.": {
        "en": "a = 1 is Laplace's rule, chosen before seeing the held-out set; find the a whose prediction matches the held-out frequency 19/20.",
        "ko": "a = 1은 검증 집합을 보기 전에 정한 라플라스의 계승 규칙입니다. 예측이 검증 빈도 19/20과 맞는 a를 찾으세요.",
    },
    "that is how many examples to ADD; the question asks for the size of the whole set.": {
        "en": "that is how many examples to ADD; the question asks for the size of the whole set.",
        "ko": "입력한 값은 더해야 할 예제 수입니다. 문제는 전체 집합의 크기를 묻습니다.",
    },
    "that is the entropy H(θ*), the loss of the TRUE model; score with the model θ = 0.9.": {
        "en": "that is the entropy H(θ*), the loss of the TRUE model; score with the model θ = 0.9.",
        "ko": "입력한 값은 참 모델의 손실인 엔트로피 H(θ*)입니다. 모델 θ = 0.9로 채점하세요.",
    },
    "that is the best predicted P(heads); the question asks for the pseudo-count a that produces it.": {
        "en": "that is the best predicted P(heads); the question asks for the pseudo-count a that produces it.",
        "ko": "입력한 값은 가장 좋은 예측 P(앞면)입니다. 문제는 그 값을 만드는 가상 관측 수 a를 묻습니다.",
    },
    "that is in bits; use natural logs (nats).": {
        "en": "that is in bits; use natural logs (nats).",
        "ko": "입력한 값은 비트 단위입니다. 자연로그(내트)를 쓰세요.",
    },
    "that is the a the TRUE coin θ* = 0.99 asks for; the held-out set sees 19 heads in 20, not 99 in 100.": {
        "en": "that is the a the TRUE coin θ* = 0.99 asks for; the held-out set sees 19 heads in 20, not 99 in 100.",
        "ko": "입력한 값은 참 동전 θ* = 0.99가 요구하는 a입니다. 검증 집합에서는 100번 중 99번이 아니라 20번 중 19번이 앞면입니다.",
    },
    "that is the held-out LOSS of Laplace's rule; the question asks for the pseudo-count a.": {
        "en": "that is the held-out LOSS of Laplace's rule; the question asks for the pseudo-count a.",
        "ko": "입력한 값은 라플라스의 계승 규칙의 검증 손실입니다. 문제는 가상 관측 수 a를 묻습니다.",
    },
    "p̃ = (1 − ε)·onehot + ε·u with u = 1/K on every class: add the two parts for the true class.": {
        "en": "p̃ = (1 − ε)·onehot + ε·u with u = 1/K on every class: add the two parts for the true class.",
        "ko": "p̃ = (1 − ε)·onehot + ε·u이고 u는 모든 클래스에서 1/K입니다. 참 클래스에 대해 두 부분을 더하세요.",
    },
    "the loss is smallest where q = p̃; with softmax, q_true / q_other = e^g, so g is the log of the ratio of the two target values.": {
        "en": "the loss is smallest where q = p̃; with softmax, q_true / q_other = e^g, so g is the log of the ratio of the two target values.",
        "ko": "손실은 q = p̃일 때 가장 작습니다. 소프트맥스에서는 q_true / q_other = e^g이므로 g는 두 타깃값의 비의 로그입니다.",
    },
    "t̃ = λ·p̃_a + (1 − λ)·p̃_b: take class 0's entry of each smoothed label and mix them with λ = 0.7.": {
        "en": "t̃ = λ·p̃_a + (1 − λ)·p̃_b: take class 0's entry of each smoothed label and mix them with λ = 0.7.",
        "ko": "t̃ = λ·p̃_a + (1 − λ)·p̃_b입니다. 스무딩한 각 레이블에서 클래스 0의 값을 취해 λ = 0.7로 섞으세요.",
    },
    "confidence is the larger probability (0.9 or 0.6); group the four predictions by it, compare each group's accuracy with its confidence, and weight the gaps by group size.": {
        "en": "confidence is the larger probability (0.9 or 0.6); group the four predictions by it, compare each group's accuracy with its confidence, and weight the gaps by group size.",
        "ko": "확신도는 더 큰 확률(0.9 또는 0.6)입니다. 네 예측을 확신도로 묶고, 각 묶음의 정확도를 확신도와 비교한 다음, 그 차이를 묶음 크기로 가중하세요.",
    },
    "1 − ε is only the one-hot part; the uniform part ε·u gives every class, the true one too, ε/K more.": {
        "en": "1 − ε is only the one-hot part; the uniform part ε·u gives every class, the true one too, ε/K more.",
        "ko": "1 − ε는 원-핫 부분일 뿐입니다. 균등 부분 ε·u가 참 클래스를 포함한 모든 클래스에 ε/K를 더 줍니다.",
    },
    "an infinite gap is the one-hot answer (ε = 0); with ε > 0 the minimum is where q = p̃.": {
        "en": "an infinite gap is the one-hot answer (ε = 0); with ε > 0 the minimum is where q = p̃.",
        "ko": "무한한 간격은 원-핫 레이블(ε = 0)의 답입니다. ε > 0이면 최솟값은 q = p̃인 곳에 있습니다.",
    },
    "0.7 is λ, the mixed one-hot label; smooth both labels first (ε = 0.1), then mix them.": {
        "en": "0.7 is λ, the mixed one-hot label; smooth both labels first (ε = 0.1), then mix them.",
        "ko": "0.7은 λ, 즉 섞은 원-핫 레이블의 값입니다. 두 레이블을 먼저 스무딩한 다음(ε = 0.1) 섞으세요.",
    },
    "0 is the one-bin answer: overall, accuracy and mean confidence agree. Bin by confidence first.": {
        "en": "0 is the one-bin answer: overall, accuracy and mean confidence agree. Bin by confidence first.",
        "ko": "0은 구간이 하나일 때의 답입니다. 전체로 보면 정확도와 평균 확신도가 일치합니다. 먼저 확신도로 구간을 나누세요.",
    },
    "that is the target of each of the other classes; the question asks for the true class.": {
        "en": "that is the target of each of the other classes; the question asks for the true class.",
        "ko": "입력한 값은 나머지 각 클래스의 타깃값입니다. 문제는 참 클래스의 값을 묻습니다.",
    },
    "use the natural logarithm: logits are natural-log odds.": {
        "en": "use the natural logarithm: logits are natural-log odds.",
        "ko": "자연로그를 쓰세요. 로짓은 자연로그 오즈입니다.",
    },
    "the class-2 example's smoothed label is not 0 on class 0: it contributes (1 − λ)·ε/K.": {
        "en": "the class-2 example's smoothed label is not 0 on class 0: it contributes (1 − λ)·ε/K.",
        "ko": "클래스 2 예제의 스무딩한 레이블은 클래스 0에서 0이 아닙니다. (1 − λ)·ε/K만큼 기여합니다.",
    },
    "H = −q₀ log q₀ − q₁ log q₁ with q₁ = σ(z); differentiate through σ'(z) = q₀q₁, or use ∂H/∂z_k = −q_k (log q_k + H) for k = 1 with z the log-odds log(q₁/q₀).": {
        "en": "H = −q₀ log q₀ − q₁ log q₁ with q₁ = σ(z); differentiate through σ'(z) = q₀q₁, or use ∂H/∂z_k = −q_k (log q_k + H) for k = 1 with z the log-odds log(q₁/q₀).",
        "ko": "q₁ = σ(z)일 때 H = −q₀ log q₀ − q₁ log q₁입니다. σ'(z) = q₀q₁을 거쳐 미분하거나, z를 로그 오즈 log(q₁/q₀)로 보고 k = 1에 대해 ∂H/∂z_k = −q_k (log q_k + H)를 쓰세요.",
    },
    "multiply each q_k by p(k)/q̄_k, then divide by the sum of the two products.": {
        "en": "multiply each q_k by p(k)/q̄_k, then divide by the sum of the two products.",
        "ko": "각 q_k에 p(k)/q̄_k를 곱한 다음 두 곱의 합으로 나누세요.",
    },
    "average the two entropies H(q_j), then subtract the entropy of the average prediction q̄.": {
        "en": "average the two entropies H(q_j), then subtract the entropy of the average prediction q̄.",
        "ko": "두 엔트로피 H(q_j)를 평균한 다음 평균 예측 q̄의 엔트로피를 빼세요.",
    },
    "compute log Σ e^{h_k} and the softmax ỹ of h, then subtract ỹ · h; the result is the entropy of the softmax, which notebook 04 taught you to compute.": {
        "en": "compute log Σ e^{h_k} and the softmax ỹ of h, then subtract ỹ · h; the result is the entropy of the softmax, which notebook 04 taught you to compute.",
        "ko": "log Σ e^{h_k}와 h의 소프트맥스 ỹ를 구한 다음 ỹ · h를 빼세요. 결과는 소프트맥스의 엔트로피이며, 노트북 04에서 계산하는 법을 배웠습니다.",
    },
    "right size, wrong sign: raising z makes the prediction surer of class 1, so H falls.": {
        "en": "right size, wrong sign: raising z makes the prediction surer of class 1, so H falls.",
        "ko": "크기는 맞고 부호가 틀렸습니다. z를 키우면 예측이 클래스 1을 더 확신하므로 H는 줄어듭니다.",
    },
    "0.4 is the prediction before alignment; reweight each class by p(k)/q̄_k and normalise.": {
        "en": "0.4 is the prediction before alignment; reweight each class by p(k)/q̄_k and normalise.",
        "ko": "0.4는 정렬 전의 예측입니다. 각 클래스를 p(k)/q̄_k로 다시 가중하고 정규화하세요.",
    },
    "the sign: U_IM is mean H(q_j) minus H(q̄), and H(q̄) is the larger.": {
        "en": "the sign: U_IM is mean H(q_j) minus H(q̄), and H(q̄) is the larger.",
        "ko": "부호를 보세요. U_IM은 H(q_j)의 평균에서 H(q̄)를 뺀 값이며, H(q̄)가 더 큽니다.",
    },
    "that is log Σ e^{h_k} alone; subtract ỹ · h with ỹ = softmax(h).": {
        "en": "that is log Σ e^{h_k} alone; subtract ỹ · h with ỹ = softmax(h).",
        "ko": "입력한 값은 log Σ e^{h_k}만의 값입니다. ỹ = softmax(h)로 ỹ · h를 빼세요.",
    },
    "0 is the gradient at q₁ = 1/2 (and at q₁ = 1); at q₁ = 0.8 the entropy still falls with z.": {
        "en": "0 is the gradient at q₁ = 1/2 (and at q₁ = 1); at q₁ = 0.8 the entropy still falls with z.",
        "ko": "0은 q₁ = 1/2(그리고 q₁ = 1)에서의 기울기입니다. q₁ = 0.8에서는 z가 커지면 엔트로피가 여전히 줄어듭니다.",
    },
    "that is the unnormalised weight of class 1; divide by the sum over both classes.": {
        "en": "that is the unnormalised weight of class 1; divide by the sum over both classes.",
        "ko": "입력한 값은 클래스 1의 정규화하지 않은 가중치입니다. 두 클래스에 대한 합으로 나누세요.",
    },
    "that is only the mean entropy; subtract H(q̄), the entropy of the average prediction.": {
        "en": "that is only the mean entropy; subtract H(q̄), the entropy of the average prediction.",
        "ko": "입력한 값은 평균 엔트로피일 뿐입니다. 평균 예측의 엔트로피 H(q̄)를 빼세요.",
    },
    "that is the loss of the hard pseudo-label (the arg max); the conjugate one uses ỹ = softmax(h).": {
        "en": "that is the loss of the hard pseudo-label (the arg max); the conjugate one uses ỹ = softmax(h).",
        "ko": "입력한 값은 하드 의사 레이블(arg max)의 손실입니다. 켤레 의사 레이블은 ỹ = softmax(h)를 씁니다.",
    },
    "0 is the value of a collapse (all predictions equal); these two disagree.": {
        "en": "0 is the value of a collapse (all predictions equal); these two disagree.",
        "ko": "0은 붕괴(모든 예측이 같음)의 값입니다. 이 두 예측은 서로 다릅니다.",
    },
    "use natural logarithms (nats), not bits.": {
        "en": "use natural logarithms (nats), not bits.",
        "ko": "비트가 아니라 자연로그(내트)를 쓰세요.",
    },
    "the maximum-likelihood σ̂² is the MEAN squared residual: divide the sum by the number of points.": {
        "en": "the maximum-likelihood σ̂² is the MEAN squared residual: divide the sum by the number of points.",
        "ko": "최대 가능도 σ̂²은 잔차 제곱의 평균입니다. 합을 점의 개수로 나누세요.",
    },
    "write λ = σ²/τ² for both σs with the same τ, and divide the new λ by the old one.": {
        "en": "write λ = σ²/τ² for both σs with the same τ, and divide the new λ by the old one.",
        "ko": "같은 τ로 두 σ 각각에 대해 λ = σ²/τ²을 쓰고, 새 λ를 이전 λ로 나누세요.",
    },
    "the fitted probability of the predicted class, σ(4/T), equals the observed frequency 3/4: solve 4/T = log-odds of 3/4.": {
        "en": "the fitted probability of the predicted class, σ(4/T), equals the observed frequency 3/4: solve 4/T = log-odds of 3/4.",
        "ko": "예측 클래스의 맞춘 확률 σ(4/T)가 관측 빈도 3/4과 같아야 합니다. 4/T = 3/4의 로그 오즈를 푸세요.",
    },
    "a Gaussian N(y | 0, v) is largest over v at v = y²: set σ² + τ²x² = y² and solve for τ.": {
        "en": "a Gaussian N(y | 0, v) is largest over v at v = y²: set σ² + τ²x² = y² and solve for τ.",
        "ko": "정규분포 N(y | 0, v)는 v = y²에서 v에 대해 가장 큽니다. σ² + τ²x² = y²으로 놓고 τ에 대해 푸세요.",
    },
    "multiply scikit-learn's objective by 2n to read off α, then b = 2σ²/α.": {
        "en": "multiply scikit-learn's objective by 2n to read off α, then b = 2σ²/α.",
        "ko": "scikit-learn의 목적 함수에 2n을 곱해 α를 읽은 다음 b = 2σ²/α를 구하세요.",
    },
    "that divides by n − p, the unbiased estimate; the question asks for the maximum-likelihood one, which divides by n.": {
        "en": "that divides by n − p, the unbiased estimate; the question asks for the maximum-likelihood one, which divides by n.",
        "ko": "입력한 값은 n − p로 나눈 불편 추정량입니다. 문제는 n으로 나누는 최대 가능도 추정값을 묻습니다.",
    },
    "λ depends on σ², not on σ: square the ratio of the noise scales.": {
        "en": "λ depends on σ², not on σ: square the ratio of the noise scales.",
        "ko": "λ는 σ가 아니라 σ²에 따라 달라집니다. 잡음 척도의 비를 제곱하세요.",
    },
    "T = 1 leaves the network as it is: it says σ(4) ≈ 0.98 and is right 3 times out of 4.": {
        "en": "T = 1 leaves the network as it is: it says σ(4) ≈ 0.98 and is right 3 times out of 4.",
        "ko": "T = 1은 신경망을 그대로 둡니다. 신경망은 σ(4) ≈ 0.98이라고 말하지만 4번 중 3번만 맞습니다.",
    },
    "that is τ², the prior variance; the question asks for the prior scale τ.": {
        "en": "that is τ², the prior variance; the question asks for the prior scale τ.",
        "ko": "입력한 값은 사전 분산 τ²입니다. 문제는 사전 척도 τ를 묻습니다.",
    },
    "that forgets scikit-learn's 1/(2n): its alpha is α/(2n), so α = 2n · 0.05.": {
        "en": "that forgets scikit-learn's 1/(2n): its alpha is α/(2n), so α = 2n · 0.05.",
        "ko": "입력한 값은 scikit-learn의 1/(2n)을 빠뜨렸습니다. 그 alpha는 α/(2n)이므로 α = 2n · 0.05입니다.",
    },
    "that is σ̂, a standard deviation; the question asks for the variance σ̂².": {
        "en": "that is σ̂, a standard deviation; the question asks for the variance σ̂².",
        "ko": "입력한 값은 표준편차 σ̂입니다. 문제는 분산 σ̂²을 묻습니다.",
    },
    "the noise is LARGER than assumed, so λ must grow: the factor is above 1.": {
        "en": "the noise is LARGER than assumed, so λ must grow: the factor is above 1.",
        "ko": "잡음이 가정보다 크므로 λ가 커져야 합니다. 배율은 1보다 큽니다.",
    },
    "that is the log-odds 4/T must equal; the question asks for T itself.": {
        "en": "that is the log-odds 4/T must equal; the question asks for T itself.",
        "ko": "입력한 값은 4/T가 같아야 하는 로그 오즈입니다. 문제는 T 자체를 묻습니다.",
    },
    "that ignores the noise: the evidence's variance is σ² + τ²x², not τ²x².": {
        "en": "that ignores the noise: the evidence's variance is σ² + τ²x², not τ²x².",
        "ko": "입력한 값은 잡음을 빠뜨렸습니다. 증거의 분산은 τ²x²이 아니라 σ² + τ²x²입니다.",
    },
    "that is the penalty α; the prior's scale is b = 2σ²/α.": {
        "en": "that is the penalty α; the prior's scale is b = 2σ²/α.",
        "ko": "입력한 값은 벌점 α입니다. 사전분포의 척도는 b = 2σ²/α입니다.",
    },
    "that is the sum of squared residuals; the MLE averages it over the points.": {
        "en": "that is the sum of squared residuals; the MLE averages it over the points.",
        "ko": "입력한 값은 잔차 제곱합입니다. 최대 가능도 추정값은 이를 점들에 대해 평균합니다.",
    },
    "that is 1/T; the logits are DIVIDED by T, and an over-confident network needs T > 1.": {
        "en": "that is 1/T; the logits are DIVIDED by T, and an over-confident network needs T > 1.",
        "ko": "입력한 값은 1/T입니다. 로짓은 T로 나누며, 과신하는 신경망에는 T > 1이 필요합니다.",
    },
    "scikit-learn divides the squared error by 2n, not n: α = 2n · 0.05.": {
        "en": "scikit-learn divides the squared error by 2n, not n: α = 2n · 0.05.",
        "ko": "scikit-learn은 제곱 오차를 n이 아니라 2n으로 나눕니다: α = 2n · 0.05.",
    },
}
