package clv

import (
	"errors"
	"fmt"
	"math"
)

// objective is a function to minimise and its gradient: it returns f(θ)
// and, when grad is not nil, stores ∇f(θ) there. It may return NaN or
// +Inf where it is undefined; the optimisers step back from there.
type objective func(theta, grad []float64) float64

// optResult is where an optimiser stopped.
type optResult struct {
	theta []float64
	f     float64
	gnorm float64 // the largest |∂f/∂θ_i| there
	iters int
}

// errNoConvergence is wrapped by every optimiser failure.
var errNoConvergence = errors.New("the optimiser did not converge")

// bfgs minimises f from theta0 by quasi-Newton steps (the BFGS update of
// the inverse Hessian) with a backtracking line search on the Armijo
// condition. Steps are capped at maxStep in every coordinate, since the
// coordinates are logarithms of parameters. It stops when every
// component of the gradient is below gtol in absolute value, and fails
// after maxIter iterations or when the line search cannot decrease f
// while the gradient is still larger than 1e3·gtol. Below that, a failed
// line search or three steps in a row that gain nothing measurable end
// the search successfully: the answer is as precise as the arithmetic
// allows.
func bfgs(f objective, theta0 []float64, gtol float64, maxIter int) (optResult, error) {
	const maxStep = 4.0
	n := len(theta0)
	x := append([]float64(nil), theta0...)
	g := make([]float64, n)
	fx := f(x, g)
	if math.IsNaN(fx) || math.IsInf(fx, 0) {
		return optResult{}, fmt.Errorf("%w: the objective is not finite at the start", errNoConvergence)
	}
	h := identity(n)
	stalls := 0
	xn, gn, dir, s, y := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for it := 0; it < maxIter; it++ {
		gmax := maxAbs(g)
		if gmax < gtol {
			return optResult{x, fx, gmax, it}, nil
		}
		// dir = −H g, reset to steepest descent when it does not descend.
		for i := range n {
			dir[i] = 0
			for j := range n {
				dir[i] -= h[i][j] * g[j]
			}
		}
		slope := dot(dir, g)
		if !(slope < 0) {
			h = identity(n)
			for i := range n {
				dir[i] = -g[i]
			}
			slope = dot(dir, g)
		}
		step := 1.0
		if m := maxAbs(dir); m > maxStep {
			step = maxStep / m
		}
		var fn float64
		ok := false
		for range 60 {
			for i := range n {
				xn[i] = x[i] + step*dir[i]
			}
			fn = f(xn, gn)
			if !math.IsNaN(fn) && !math.IsInf(fn, 0) && fn <= fx+1e-4*step*slope {
				ok = true
				break
			}
			step /= 2
		}
		if !ok {
			if gmax < 1e3*gtol {
				return optResult{x, fx, gmax, it}, nil
			}
			if !isIdentity(h) {
				h = identity(n)
				continue
			}
			return optResult{x, fx, gmax, it}, fmt.Errorf("%w: the line search failed with gradient %.3g", errNoConvergence, gmax)
		}
		for i := range n {
			s[i] = xn[i] - x[i]
			y[i] = gn[i] - g[i]
		}
		sy := dot(s, y)
		if sy > 1e-12*math.Sqrt(dot(s, s)*dot(y, y)) {
			// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
			rho := 1 / sy
			hy := make([]float64, n)
			for i := range n {
				for j := range n {
					hy[i] += h[i][j] * y[j]
				}
			}
			yhy := dot(y, hy)
			for i := range n {
				for j := range n {
					h[i][j] += -rho*(hy[i]*s[j]+s[i]*hy[j]) + (rho*rho*yhy+rho)*s[i]*s[j]
				}
			}
		}
		// A step that gains nothing measurable, near a small gradient,
		// is at the precision of the arithmetic: stop there.
		if fx-fn <= 1e-15*math.Abs(fx) {
			stalls++
		} else {
			stalls = 0
		}
		copy(x, xn)
		copy(g, gn)
		fx = fn
		if stalls >= 3 && maxAbs(g) < 1e3*gtol {
			return optResult{x, fx, maxAbs(g), it + 1}, nil
		}
	}
	return optResult{x, fx, maxAbs(g), maxIter}, fmt.Errorf("%w in %d iterations (gradient %.3g)", errNoConvergence, maxIter, maxAbs(g))
}

// nelderMead minimises f from theta0 without derivatives (the simplex
// method with the usual reflection 1, expansion 2, contraction ½ and
// shrink ½), from an initial simplex of side `side` around theta0. It
// stops when the values at the simplex's vertices agree within ftol or
// after maxEval evaluations, and returns the best vertex either way: it
// serves to bring a bad start near the optimum for bfgs to finish.
func nelderMead(f objective, theta0 []float64, side, ftol float64, maxEval int) optResult {
	n := len(theta0)
	eval := func(p []float64) float64 {
		v := f(p, nil)
		if math.IsNaN(v) {
			return math.Inf(1)
		}
		return v
	}
	pts := make([][]float64, n+1)
	vals := make([]float64, n+1)
	for i := range pts {
		pts[i] = append([]float64(nil), theta0...)
		if i > 0 {
			pts[i][i-1] += side
		}
		vals[i] = eval(pts[i])
	}
	evals := n + 1
	cent, xr, xe, xc := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	at := func(out []float64, t float64, worst []float64) {
		for i := range out {
			out[i] = cent[i] + t*(worst[i]-cent[i])
		}
	}
	for evals < maxEval {
		// order: best first
		for i := 1; i <= n; i++ {
			for j := i; j > 0 && vals[j] < vals[j-1]; j-- {
				vals[j], vals[j-1] = vals[j-1], vals[j]
				pts[j], pts[j-1] = pts[j-1], pts[j]
			}
		}
		if math.Abs(vals[n]-vals[0]) <= ftol*(math.Abs(vals[0])+ftol) {
			break
		}
		for i := range cent {
			cent[i] = 0
			for j := 0; j < n; j++ {
				cent[i] += pts[j][i] / float64(n)
			}
		}
		worst := pts[n]
		at(xr, -1, worst)
		fr := eval(xr)
		evals++
		switch {
		case fr < vals[0]:
			at(xe, -2, worst)
			fe := eval(xe)
			evals++
			if fe < fr {
				copy(pts[n], xe)
				vals[n] = fe
			} else {
				copy(pts[n], xr)
				vals[n] = fr
			}
		case fr < vals[n-1]:
			copy(pts[n], xr)
			vals[n] = fr
		default:
			t := 0.5
			if fr < vals[n] {
				t = -0.5
			}
			at(xc, t, worst)
			fc := eval(xc)
			evals++
			if fc < math.Min(fr, vals[n]) {
				copy(pts[n], xc)
				vals[n] = fc
			} else {
				for j := 1; j <= n; j++ {
					for i := range pts[j] {
						pts[j][i] = pts[0][i] + 0.5*(pts[j][i]-pts[0][i])
					}
					vals[j] = eval(pts[j])
					evals++
				}
			}
		}
	}
	best := 0
	for i := range vals {
		if vals[i] < vals[best] {
			best = i
		}
	}
	return optResult{theta: pts[best], f: vals[best], iters: evals}
}

func identity(n int) [][]float64 {
	h := make([][]float64, n)
	for i := range h {
		h[i] = make([]float64, n)
		h[i][i] = 1
	}
	return h
}

func isIdentity(h [][]float64) bool {
	for i := range h {
		for j := range h[i] {
			if (i == j && h[i][j] != 1) || (i != j && h[i][j] != 0) {
				return false
			}
		}
	}
	return true
}

func dot(u, v []float64) float64 {
	s := 0.0
	for i := range u {
		s += u[i] * v[i]
	}
	return s
}

func maxAbs(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		m = math.Max(m, math.Abs(x))
	}
	return m
}
