#!/usr/bin/env bash
# Rebuild a Scriptorium archive as a SLURM job array, then merge the shards.
#
#   sbatch --array=0-7 deploy/slurm/rebuild-array.sh /shared/Archive /scratch/shards
#
# Each array task rebuilds shard $SLURM_ARRAY_TASK_ID of $SLURM_ARRAY_TASK_COUNT from the
# shared archive (read, never locked or written) into its own folder; the last step submits a
# merge job that runs once every task has succeeded. The merged archive equals a
# single-machine `scriptorium rebuild`.
#SBATCH --job-name=scriptorium-rebuild
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=02:00:00
set -euo pipefail
archive="${1:?usage: rebuild-array.sh ARCHIVE SHARDS_DIR}"
shards="${2:?usage: rebuild-array.sh ARCHIVE SHARDS_DIR}"
index="${SLURM_ARRAY_TASK_ID:?submit with sbatch --array=0-(N-1)}"
count="${SLURM_ARRAY_TASK_COUNT:?submit with sbatch --array=0-(N-1)}"

status=0
scriptorium rebuild --archive "$archive" --shard "$index/$count" --into "$shards/shard-$index" || status=$?
# 1 means some sources are quarantined: the shard is complete all the same.
[ "$status" -le 1 ] || exit "$status"

if [ "$index" -eq 0 ]; then
  list=$(seq -f "$shards/shard-%g" 0 $((count - 1)) | tr '\n' ' ')
  sbatch --dependency="afterok:${SLURM_ARRAY_JOB_ID}" --job-name=scriptorium-merge \
    --wrap="scriptorium merge --archive '$shards/merged' $list"
fi
