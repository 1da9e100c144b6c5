// SPDX-License-Identifier: MIT
/* Build-tool runner: see run.h. */
#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t run_caught;
static volatile pid_t run_child;
static const int run_sigs[] = {SIGINT, SIGTERM, SIGHUP};
static struct sigaction run_old[3];

static void run_on_signal(int sig)
{
	pid_t child = run_child;

	run_caught = sig;
	if (child > 0)
		kill(child, sig); /* async-signal-safe (POSIX 2.4.3) */
}

void run_signals_catch(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = run_on_signal;
	sigemptyset(&sa.sa_mask);
	run_caught = 0;
	for (i = 0; i < 3; i++)
		sigaction(run_sigs[i], &sa, &run_old[i]);
}

int run_signals_caught(void)
{
	return run_caught;
}

void run_signals_release(void)
{
	size_t i;

	for (i = 0; i < 3; i++)
		sigaction(run_sigs[i], &run_old[i], NULL);
	if (run_caught) {
		signal(run_caught, SIG_DFL);
		raise(run_caught);
	}
}

void run_argv_add(struct run_argv *a, const char *s)
{
	char **v;
	char *copy;

	if (a->failed)
		return;
	if (a->n + 2 > a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 16;

		v = realloc(a->v, cap * sizeof(*v));
		if (!v) {
			a->failed = 1;
			return;
		}
		a->v = v;
		a->cap = cap;
	}
	copy = strdup(s);
	if (!copy) {
		a->failed = 1;
		return;
	}
	a->v[a->n++] = copy;
	a->v[a->n] = NULL;
}

void run_argv_add_words(struct run_argv *a, const char *s)
{
	char *copy = strdup(s), *save = NULL, *w;

	if (!copy) {
		a->failed = 1;
		return;
	}
	for (w = strtok_r(copy, " \t", &save); w;
	     w = strtok_r(NULL, " \t", &save))
		run_argv_add(a, w);
	free(copy);
}

void run_argv_free(struct run_argv *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	memset(a, 0, sizeof(*a));
}

/* Quotes a word only when the shell would split or expand it. */
static void print_word(FILE *f, const char *w)
{
	const char *p;

	if (*w && strspn(w, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
			    "-_./=:,+@%") == strlen(w)) {
		fputs(w, f);
		return;
	}
	fputc('\'', f);
	for (p = w; *p; p++) {
		if (*p == '\'')
			fputs("'\\''", f);
		else
			fputc(*p, f);
	}
	fputc('\'', f);
}

void run_print(FILE *f, const struct run_argv *a, const char *cwd)
{
	size_t i;

	if (cwd) {
		fputs("(cd ", f);
		print_word(f, cwd);
		fputs(" && ", f);
	}
	for (i = 0; i < a->n; i++) {
		if (i)
			fputc(' ', f);
		print_word(f, a->v[i]);
	}
	fputs(cwd ? ")\n" : "\n", f);
}

int run_command(const struct run_argv *a, const char *cwd, int verbose,
		char *err, size_t errsz)
{
	int status, pipefd[2], child_errno = 0;
	ssize_t r;
	pid_t pid;

	if (run_caught) {
		snprintf(err, errsz, "interrupted by signal %d",
			 (int)run_caught);
		return -1;
	}
	if (a->failed || a->n == 0) {
		snprintf(err, errsz, "out of memory building a command line");
		return -1;
	}
	if (verbose) {
		run_print(stderr, a, cwd);
		fflush(stderr);
	}
	/* A close-on-exec pipe tells the parent why exec failed. */
	if (pipe2(pipefd, O_CLOEXEC) < 0) {
		snprintf(err, errsz, "pipe: %s", strerror(errno));
		return -1;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		snprintf(err, errsz, "fork: %s", strerror(errno));
		close(pipefd[0]);
		close(pipefd[1]);
		return -1;
	}
	if (pid == 0) {
		close(pipefd[0]);
		if (!cwd || chdir(cwd) == 0)
			execvp(a->v[0], a->v);
		child_errno = errno;
		(void)!write(pipefd[1], &child_errno, sizeof(child_errno));
		_exit(127);
	}
	run_child = pid;
	if (run_caught)
		kill(pid, run_caught); /* arrived between fork and here */
	close(pipefd[1]);
	do
		r = read(pipefd[0], &child_errno, sizeof(child_errno));
	while (r < 0 && errno == EINTR);
	close(pipefd[0]);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			run_child = 0;
			snprintf(err, errsz, "%s: wait: %s", a->v[0],
				 strerror(errno));
			return -1;
		}
	}
	run_child = 0;
	if (r == (ssize_t)sizeof(child_errno)) {
		snprintf(err, errsz, "cannot run %s: %s", a->v[0],
			 strerror(child_errno));
		return -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status))
		snprintf(err, errsz, "%s failed with exit status %d", a->v[0],
			 WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(err, errsz, "%s was killed by signal %d (%s)", a->v[0],
			 WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		snprintf(err, errsz, "%s ended abnormally", a->v[0]);
	return -1;
}
