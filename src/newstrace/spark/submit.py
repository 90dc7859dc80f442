"""The entry point for spark-submit, which runs a file rather than a module:

    spark-submit --master yarn --archives newstrace-env.tar.gz#env \\
        "$(python -c 'import newstrace.spark.submit as m; print(m.__file__)')" \\
        ingest --engine spark hdfs:///crawl/2026-11/ --parquet hdfs:///newstrace/2026-11 --db postgresql://...

(README, "Spark on a cluster"). Imports are absolute: spark-submit runs this file as a script.
"""

import sys

from newstrace.cli import main

if __name__ == "__main__":
    sys.exit(main())
