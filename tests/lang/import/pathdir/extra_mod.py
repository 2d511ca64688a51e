extra = "from pathdir"
