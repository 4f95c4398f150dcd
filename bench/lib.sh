# Helpers the benchmark scripts share; each script sources this after setting ROOT.
# wrk's report is read from a file named by the first argument.

# A free TCP port on the loopback interface.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Requests per second, the median and the 99th percentile from a `wrk --latency` report.
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p50() { awk '/ 50%/ {print $2}' "$1"; }
p99() { awk '/ 99%/ {print $2}' "$1"; }
# Answers that were not 2xx (empty when there were none).
non2xx() { awk '/Non-2xx/ {print $4}' "$1"; }
